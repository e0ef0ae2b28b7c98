package io.slotwise.sim.keyspace;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A sorted set with positional access: a treap (randomised balanced binary search tree) whose nodes know their subtree
 * sizes, so {@link #add}, {@link #remove}, {@link #contains}, {@link #get(int)} and {@link #countLess} all take
 * expected O(log n) time and iteration from any position costs O(log n) plus O(1) per element.
 *
 * <p>It backs sorted-set ranks and ranges and uniform random picks from hashes and sets. The tree shape depends on
 * pseudo-random priorities, but iteration order depends only on the comparator. Not thread-safe; iterators fail with
 * {@link ConcurrentModificationException} once the set is modified.
 */
final class RankedSet<E> implements Iterable<E> {
    private final Comparator<? super E> order;
    private Node<E> root;
    private long priorities = 0x9E3779B97F4A7C15L;
    private int modifications;
    private boolean changed;

    RankedSet(Comparator<? super E> order) {
        this.order = order;
    }

    int size() {
        return size(root);
    }

    boolean isEmpty() {
        return root == null;
    }

    /** Adds {@code element}; returns false (and changes nothing) if an equal element is present. */
    boolean add(E element) {
        changed = false;
        root = insert(root, element);
        if (changed) {
            modifications++;
        }
        return changed;
    }

    /** Removes the element equal to {@code element}; returns whether there was one. */
    boolean remove(E element) {
        changed = false;
        root = delete(root, element);
        if (changed) {
            modifications++;
        }
        return changed;
    }

    boolean contains(E element) {
        Node<E> node = root;
        while (node != null) {
            int c = order.compare(element, node.value);
            if (c == 0) {
                return true;
            }
            node = c < 0 ? node.left : node.right;
        }
        return false;
    }

    /** Returns the element at {@code index} (0-based, ascending). */
    E get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index + " of " + size());
        }
        Node<E> node = root;
        while (true) {
            int leftSize = size(node.left);
            if (index < leftSize) {
                node = node.left;
            } else if (index == leftSize) {
                return node.value;
            } else {
                index -= leftSize + 1;
                node = node.right;
            }
        }
    }

    /** Returns the number of elements strictly less than {@code probe} (its insertion index). */
    int countLess(E probe) {
        return count(probe, false);
    }

    /** Returns the number of elements less than or equal to {@code probe}. */
    int countLessOrEqual(E probe) {
        return count(probe, true);
    }

    void clear() {
        root = null;
        modifications++;
    }

    @Override
    public Iterator<E> iterator() {
        return iterator(0, false);
    }

    /**
     * Iterates from position {@code index}: upwards to the last element when {@code descending} is false, downwards to
     * the first element otherwise.
     */
    Iterator<E> iterator(int index, boolean descending) {
        return new Cursor(index, descending);
    }

    private int count(E probe, boolean orEqual) {
        int below = 0;
        Node<E> node = root;
        while (node != null) {
            int c = order.compare(node.value, probe);
            if (c < 0 || (orEqual && c == 0)) {
                below += size(node.left) + 1;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return below;
    }

    private Node<E> insert(Node<E> node, E element) {
        if (node == null) {
            changed = true;
            return new Node<>(element, nextPriority());
        }
        int c = order.compare(element, node.value);
        if (c == 0) {
            return node;
        }
        if (c < 0) {
            node.left = insert(node.left, element);
            if (node.left.priority > node.priority) {
                return rotateRight(node);
            }
        } else {
            node.right = insert(node.right, element);
            if (node.right.priority > node.priority) {
                return rotateLeft(node);
            }
        }
        node.resize();
        return node;
    }

    private Node<E> delete(Node<E> node, E element) {
        if (node == null) {
            return null;
        }
        int c = order.compare(element, node.value);
        if (c == 0) {
            changed = true;
            return merge(node.left, node.right);
        }
        if (c < 0) {
            node.left = delete(node.left, element);
        } else {
            node.right = delete(node.right, element);
        }
        node.resize();
        return node;
    }

    private static <E> Node<E> merge(Node<E> low, Node<E> high) {
        if (low == null) {
            return high;
        }
        if (high == null) {
            return low;
        }
        if (low.priority > high.priority) {
            low.right = merge(low.right, high);
            low.resize();
            return low;
        }
        high.left = merge(low, high.left);
        high.resize();
        return high;
    }

    private static <E> Node<E> rotateRight(Node<E> node) {
        Node<E> pivot = node.left;
        node.left = pivot.right;
        pivot.right = node;
        node.resize();
        pivot.resize();
        return pivot;
    }

    private static <E> Node<E> rotateLeft(Node<E> node) {
        Node<E> pivot = node.right;
        node.right = pivot.left;
        pivot.left = node;
        node.resize();
        pivot.resize();
        return pivot;
    }

    private int nextPriority() {
        long x = priorities;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        priorities = x;
        return (int) (x >>> 32);
    }

    private static int size(Node<?> node) {
        return node == null ? 0 : node.size;
    }

    private static final class Node<E> {
        final E value;
        final int priority;
        int size = 1;
        Node<E> left;
        Node<E> right;

        Node(E value, int priority) {
            this.value = value;
            this.priority = priority;
        }

        void resize() {
            size = 1 + RankedSet.size(left) + RankedSet.size(right);
        }
    }

    /** In-order iteration with an explicit stack of the nodes still to visit. */
    private final class Cursor implements Iterator<E> {
        private final ArrayDeque<Node<E>> pending = new ArrayDeque<>();
        private final boolean descending;
        private final int expectedModifications = modifications;

        Cursor(int index, boolean descending) {
            this.descending = descending;
            if (index < 0 || index >= size()) {
                return;
            }
            // Walk down to the node at index, stacking the nodes that come after it in iteration order.
            Node<E> node = root;
            int target = descending ? size() - 1 - index : index;
            while (node != null) {
                Node<E> first = descending ? node.right : node.left;
                int firstSize = size(first);
                if (target < firstSize) {
                    pending.push(node);
                    node = first;
                } else if (target == firstSize) {
                    pending.push(node);
                    return;
                } else {
                    target -= firstSize + 1;
                    node = descending ? node.left : node.right;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !pending.isEmpty();
        }

        @Override
        public E next() {
            if (modifications != expectedModifications) {
                throw new ConcurrentModificationException();
            }
            Node<E> node = pending.poll();
            if (node == null) {
                throw new NoSuchElementException();
            }
            for (Node<E> next = descending ? node.left : node.right; next != null; ) {
                pending.push(next);
                next = descending ? next.right : next.left;
            }
            return node.value;
        }
    }
}
