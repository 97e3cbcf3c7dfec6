package vn.dieuhanh.platform.engine.input;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Reads the arguments an engine command was built with. The commands keep them in protected fields without getters;
 * the field names are checked by {@code CommandArgumentsTest} for every command the guard inspects, so an engine
 * upgrade that renames one fails the build instead of opening the guard. A field that cannot be read makes the
 * guard refuse the command (fail closed).
 */
final class CommandArguments {

    private CommandArguments() {
    }

    static String text(Object command, String field) {
        Object value = read(command, field);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(Object command, String field) {
        return (Map<String, Object>) read(command, field);
    }

    static Object read(Object command, String field) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field declared = type.getDeclaredField(field);
                declared.setAccessible(true);
                return declared.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("Cannot read '" + field + "' of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException("No field '" + field + "' in " + command.getClass().getName());
    }
}
