package io.slotwise.sim.script.lua;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lua table: an array part for the keys 1..n and a hash part for every other key, kept in insertion order so that
 * {@code next} walks it in a stable order and may continue from any key still present or just cleared. Keys are
 * normalised (-0 is 0); nil values are not stored. A table can be made read-only, as Redis makes its library tables and
 * the globals: every write then raises {@code Attempt to modify a readonly table}, {@code rawset} included.
 *
 * <p>Not thread-safe; used on the runtime's thread only.
 */
public final class LuaTable {
    private final ArrayList<Object> array = new ArrayList<>();
    private final Map<Object, Integer> slots = new HashMap<>();
    private final ArrayList<Object> hashKeys = new ArrayList<>();
    private final ArrayList<Object> hashValues = new ArrayList<>();
    private int hashLive;
    private LuaTable metatable;
    private boolean readOnly;

    /** Creates an empty table. */
    public LuaTable() {}

    /** Returns the metatable, or null. */
    public LuaTable metatable() {
        return metatable;
    }

    /** Replaces the metatable; null removes it. */
    public void setMetatable(LuaTable metatable) {
        this.metatable = metatable;
    }

    /** Makes every later write fail, as Redis protects its tables. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** Whether writes are refused. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Reads a key without metamethods.
     *
     * @param key any value; nil reads nil
     * @return the value, or null
     */
    public Object get(Object key) {
        if (key instanceof Double d) {
            double v = d;
            int index = (int) v;
            if (index == v && index >= 1 && index <= array.size()) {
                return array.get(index - 1);
            }
            if (v == 0) {
                key = 0.0;
            }
        } else if (key == null) {
            return null;
        }
        Integer slot = slots.get(key);
        return slot == null ? null : hashValues.get(slot);
    }

    /** Reads the integer key {@code index}. */
    public Object get(int index) {
        return index >= 1 && index <= array.size() ? array.get(index - 1) : get((Object) (double) index);
    }

    /**
     * Writes a key without metamethods.
     *
     * @param key the key; nil and NaN are rejected as in Lua
     * @param value the value; null removes the key
     * @throws LuaError if the key is nil or NaN, or the table is read-only
     */
    public void put(Object key, Object value) {
        if (readOnly) {
            throw new LuaError("Attempt to modify a readonly table", 0);
        }
        if (key == null) {
            throw new LuaError("table index is nil", 0);
        }
        if (key instanceof Double d) {
            double v = d;
            if (Double.isNaN(v)) {
                throw new LuaError("table index is NaN", 0);
            }
            int index = (int) v;
            if (index == v && index >= 1) {
                if (index <= array.size()) {
                    array.set(index - 1, value);
                    if (value == null && index == array.size()) {
                        trimArray();
                    }
                    return;
                }
                if (index == array.size() + 1 && value != null) {
                    removeHash(key);
                    array.add(value);
                    migrateFromHash();
                    return;
                }
            }
            if (v == 0) {
                key = 0.0;
            }
        }
        if (value == null) {
            removeHash(key);
            return;
        }
        Integer slot = slots.get(key);
        if (slot != null) {
            if (hashValues.get(slot) == null) {
                hashLive++;
            }
            hashValues.set(slot, value);
            return;
        }
        if (hashKeys.size() > 8 && hashLive * 2 < hashKeys.size()) {
            compact();
        }
        slots.put(key, hashKeys.size());
        hashKeys.add(key);
        hashValues.add(value);
        hashLive++;
    }

    /** Appends at {@code #t + 1}. */
    public void add(Object value) {
        put((double) (length() + 1), value);
    }

    /** Returns the border Lua's {@code #} operator answers. */
    public int length() {
        return array.size();
    }

    /**
     * Returns the key after {@code key} in traversal order, with its value.
     *
     * @param key nil for the first key
     * @return the next key and value, or null at the end
     * @throws LuaError {@code invalid key to 'next'} for a key that is not in the table
     */
    public Object[] next(Object key) {
        int start;
        if (key == null) {
            start = 0;
        } else {
            start = -1;
            if (key instanceof Double d) {
                double v = d;
                int index = (int) v;
                if (index == v && index >= 1 && index <= array.size()) {
                    start = index;
                }
                if (v == 0) {
                    key = 0.0;
                }
            }
            if (start < 0) {
                Integer slot = slots.get(key);
                if (slot == null) {
                    throw new LuaError("invalid key to 'next'", 0);
                }
                start = array.size() + slot + 1;
            }
        }
        for (int i = start; i < array.size(); i++) {
            if (array.get(i) != null) {
                return new Object[] {(double) (i + 1), array.get(i)};
            }
        }
        for (int i = Math.max(0, start - array.size()); i < hashKeys.size(); i++) {
            if (hashValues.get(i) != null) {
                return new Object[] {hashKeys.get(i), hashValues.get(i)};
            }
        }
        return null;
    }

    /** Returns the values of 1..#t, for table functions that reorder them. */
    List<Object> arrayView() {
        return array;
    }

    private void trimArray() {
        while (!array.isEmpty() && array.get(array.size() - 1) == null) {
            array.remove(array.size() - 1);
        }
    }

    private void migrateFromHash() {
        while (hashLive > 0) {
            Object nextKey = (double) (array.size() + 1);
            Integer slot = slots.get(nextKey);
            if (slot == null) {
                return;
            }
            Object value = hashValues.get(slot);
            removeHash(nextKey);
            array.add(value);
        }
    }

    private void removeHash(Object key) {
        Integer slot = slots.get(key);
        if (slot != null && hashValues.get(slot) != null) {
            hashValues.set(slot, null);
            hashLive--;
        }
    }

    private void compact() {
        ArrayList<Object> keys = new ArrayList<>(hashLive);
        ArrayList<Object> values = new ArrayList<>(hashLive);
        slots.clear();
        for (int i = 0; i < hashKeys.size(); i++) {
            if (hashValues.get(i) != null) {
                slots.put(hashKeys.get(i), keys.size());
                keys.add(hashKeys.get(i));
                values.add(hashValues.get(i));
            }
        }
        hashKeys.clear();
        hashKeys.addAll(keys);
        hashValues.clear();
        hashValues.addAll(values);
    }
}
