package io.tally.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Prints a module's public surface (public and protected types, constructors, methods and fields of
 * every package but {@code …internal}) and compares it with the listing checked in at
 * {@code api/<artifact>.api}, so that a change to the public API shows in review, the way OkHttp's
 * {@code okhttp.api} files do.
 *
 * <p>Each published module has a one-line test that calls {@link #assertUnchanged(String)}. After an
 * intended change, regenerate the listings with
 * {@code mvn -B -ntp verify -Dtally.api.update=true -Dtest='ApiListingTest' -Dsurefire.failIfNoSpecifiedTests=false}
 * and commit them with the change.
 */
public final class ApiListing {
    /** The system property that rewrites the checked-in listings instead of comparing with them. */
    public static final String UPDATE_PROPERTY = "tally.api.update";

    private ApiListing() {}

    /**
     * Compares the surface of the classes in {@code target/classes} of the module under test (the
     * working directory) with {@code api/<artifact>.api}; rewrites the file instead when
     * {@value #UPDATE_PROPERTY} is {@code true}.
     *
     * @throws AssertionError when they differ, naming the lines and the command that regenerates the file
     */
    public static void assertUnchanged(String artifact) {
        Path classes = Paths.get("target", "classes");
        Path file = Paths.get("api", artifact + ".api");
        String actual = render(classes);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.write(file, actual.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String expected = Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
            if (!expected.equals(actual)) {
                throw new AssertionError("the public API of " + artifact + " differs from " + file.toAbsolutePath()
                        + "\n" + diff(expected, actual)
                        + "\nIf the change is intended, regenerate the listing and commit it with the change:\n"
                        + "  mvn -B -ntp verify -D" + UPDATE_PROPERTY + "=true -Dtest='ApiListingTest'"
                        + " -Dsurefire.failIfNoSpecifiedTests=false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The listing of the classes below {@code classesDir}: one block per type, sorted. */
    public static String render(Path classesDir) {
        List<String> names;
        try (Stream<Path> files = Files.walk(classesDir)) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.endsWith("package-info") && !n.endsWith("module-info"))
                    .filter(n -> !n.contains(".internal.") && !n.endsWith(".internal"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, ApiListing.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name + " to list its API", e);
            }
            if (isExported(type)) {
                out.append(describe(type));
            }
        }
        return out.toString();
    }

    private static boolean isExported(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        Class<?> outer = type.getDeclaringClass();
        int m = type.getModifiers();
        if (outer == null) {
            return Modifier.isPublic(m);
        }
        boolean outerExtensible = !Modifier.isFinal(outer.getModifiers());
        return isExported(outer) && (Modifier.isPublic(m) || (outerExtensible && Modifier.isProtected(m)));
    }

    private static String describe(Class<?> type) {
        StringBuilder sb = new StringBuilder();
        sb.append(header(type)).append(nullMarked(type) ? " { // @NullMarked\n" : " {\n");
        boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        List<String> members = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (!f.isSynthetic() && visible(f.getModifiers(), extensible)) {
                members.add(modifiers(f.getModifiers()) + f.getGenericType().getTypeName() + " " + f.getName()
                        + nullness(nullable(f.getAnnotatedType()) ? "field" : ""));
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!c.isSynthetic() && visible(c.getModifiers(), extensible)) {
                members.add(c.toGenericString().replace(type.getName(), "<init>")
                        + nullness(nullableParameters(c.getAnnotatedParameterTypes())));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge() && visible(m.getModifiers(), extensible)) {
                members.add(m.toGenericString().replace(type.getName() + "." + m.getName() + "(", m.getName() + "(")
                        + nullness((nullable(m.getAnnotatedReturnType()) ? "return " : "")
                                + nullableParameters(m.getAnnotatedParameterTypes())));
            }
        }
        members.sort(null);
        for (String member : members) {
            sb.append("  ").append(member).append('\n');
        }
        return sb.append("}\n").toString();
    }

    /**
     * What Kotlin sees as {@code T?}: the JSpecify {@code @Nullable} positions of a member, as
     * {@code // nullable: return 2} (parameters counted from 1); empty when there are none.
     */
    private static String nullness(String positions) {
        return positions.isBlank() ? "" : " // nullable: " + positions.trim();
    }

    /** Whether the type's package is {@code @NullMarked}: its unannotated types are non-null for Kotlin. */
    private static boolean nullMarked(Class<?> type) {
        for (java.lang.annotation.Annotation a : type.getPackage().getAnnotations()) {
            if (a.annotationType().getName().equals("org.jspecify.annotations.NullMarked")) {
                return true;
            }
        }
        return false;
    }

    private static String nullableParameters(java.lang.reflect.AnnotatedType[] parameters) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parameters.length; i++) {
            if (nullable(parameters[i])) {
                sb.append(i + 1).append(' ');
            }
        }
        return sb.toString();
    }

    private static boolean nullable(java.lang.reflect.AnnotatedType type) {
        for (java.lang.annotation.Annotation a : type.getAnnotations()) {
            if (a.annotationType().getName().equals("org.jspecify.annotations.Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static boolean visible(int modifiers, boolean extensible) {
        return Modifier.isPublic(modifiers) || (extensible && Modifier.isProtected(modifiers));
    }

    private static String header(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        int mods = type.getModifiers() & ~(Modifier.INTERFACE | Modifier.SYNCHRONIZED);
        if (type.isInterface()) {
            mods &= ~Modifier.ABSTRACT;
        }
        if (type.isEnum() || type.isRecord()) {
            mods &= ~(Modifier.FINAL | Modifier.STATIC);
        }
        StringBuilder sb = new StringBuilder(modifiers(mods)).append(kind).append(' ').append(type.getName());
        if (type.getTypeParameters().length > 0) {
            sb.append(Arrays.stream(type.getTypeParameters()).map(ApiListing::typeParameter)
                    .collect(Collectors.joining(", ", "<", ">")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            sb.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            sb.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String typeParameter(java.lang.reflect.TypeVariable<?> v) {
        Type[] bounds = v.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return v.getName();
        }
        return v.getName() + " extends "
                + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
    }

    private static String modifiers(int mods) {
        String s = Modifier.toString(mods);
        return s.isEmpty() ? "" : s + " ";
    }

    /** The types added and removed, and for the others the members added and removed. */
    private static String diff(String expected, String actual) {
        java.util.Map<String, List<String>> was = blocks(expected);
        java.util.Map<String, List<String>> now = blocks(actual);
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> types = new java.util.TreeSet<>(was.keySet());
        types.addAll(now.keySet());
        for (String type : types) {
            if (!now.containsKey(type)) {
                sb.append("- ").append(type).append('\n');
            } else if (!was.containsKey(type)) {
                sb.append("+ ").append(type).append('\n');
            } else if (!was.get(type).equals(now.get(type))) {
                sb.append("~ ").append(type).append('\n');
                was.get(type).stream().filter(m -> !now.get(type).contains(m))
                        .forEach(m -> sb.append("  - ").append(m).append('\n'));
                now.get(type).stream().filter(m -> !was.get(type).contains(m))
                        .forEach(m -> sb.append("  + ").append(m).append('\n'));
            }
        }
        return sb.toString();
    }

    private static java.util.Map<String, List<String>> blocks(String listing) {
        java.util.Map<String, List<String>> blocks = new java.util.LinkedHashMap<>();
        List<String> current = null;
        for (String line : listing.split("\n")) {
            if (line.endsWith(" {")) {
                current = new ArrayList<>();
                blocks.put(line.substring(0, line.length() - 2), current);
            } else if (line.startsWith("  ") && current != null) {
                current.add(line.trim());
            }
        }
        return blocks;
    }
}
