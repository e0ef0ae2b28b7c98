package io.slotwise.it.client;

import io.slotwise.api.AsyncCommands;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * Records which public methods of a set of command-family interfaces a test called, so a guard test can fail when a
 * method of those interfaces is never exercised. {@link #wrap} returns an {@link AsyncCommands} that forwards every
 * call to the client under test and remembers the method's signature (only the call the test made: the overloads a
 * default method delegates to inside the client are not recorded, so each overload must be called itself).
 * Thread-safe.
 */
final class FamilyCallRecorder {

    private final Set<Class<?>> families;
    private final Set<String> called = new ConcurrentSkipListSet<>();

    /** Records calls of the public methods declared by {@code families}. */
    FamilyCallRecorder(Collection<Class<?>> families) {
        this.families = Set.copyOf(families);
    }

    /** Returns {@code delegate} seen through a recording proxy. */
    @SuppressWarnings("unchecked")
    AsyncCommands<String, String> wrap(AsyncCommands<String, String> delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (families.contains(method.getDeclaringClass())) {
                called.add(signature(method));
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (AsyncCommands<String, String>) Proxy.newProxyInstance(
                AsyncCommands.class.getClassLoader(), new Class<?>[] {AsyncCommands.class}, handler);
    }

    /** Returns the signatures of the families' public methods that were never called, sorted. */
    Set<String> neverCalled() {
        Set<String> missing = new TreeSet<>(declared());
        missing.removeAll(called);
        return missing;
    }

    /** Returns the signatures of every public method the families declare, sorted. */
    Set<String> declared() {
        return families.stream()
                .flatMap(family -> Arrays.stream(family.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers())
                        && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic())
                .map(FamilyCallRecorder::signature)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String signature(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
