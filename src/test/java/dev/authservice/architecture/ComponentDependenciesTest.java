package dev.authservice.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows between components go down only (docs/architecture.md): a door for each audience,
 * then authentication, then the rules and state, then what everything uses. Read from the
 * imports of the main sources; a component may use one on its own layer only where no cycle
 * results.
 */
class ComponentDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/authservice");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.authservice\\.(\\w+)\\.");

    /** Top to bottom. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("portal", "selfservice", "admin", "introspection", "oidc", "operations"),
            Set.of("auth"),
            Set.of(
                    "accounts",
                    "sessions",
                    "passkeys",
                    "secondfactor",
                    "throttling",
                    "hashing",
                    "audit",
                    "clients",
                    "keys",
                    "mail",
                    "notices",
                    "email"),
            Set.of("persistence", "configuration", "http", "metrics", "refusal", "devices"));

    @Test
    void everyComponentHasItsLayer() {
        Set<String> placed = new TreeSet<>();
        LAYERS.forEach(placed::addAll);
        assertEquals(placed, dependencies().keySet(), "a new component needs its place in LAYERS and the docs");
    }

    @Test
    void noComponentImportsOneAboveIt() {
        List<String> upward = new ArrayList<>();
        dependencies()
                .forEach((from, targets) -> targets.forEach(to -> {
                    if (layerOf(to) < layerOf(from)) {
                        upward.add(from + " -> " + to);
                    }
                }));
        assertEquals(List.of(), upward);
    }

    @Test
    void noDoorImportsAnotherDoorButThePortalItsFacades() {
        List<String> sideways = new ArrayList<>();
        dependencies()
                .forEach((from, targets) -> targets.forEach(to -> {
                    if (layerOf(from) == 0
                            && layerOf(to) == 0
                            && !(from.equals("portal")
                                    && (to.equals("selfservice") || to.equals("oidc") || to.equals("admin")))) {
                        sideways.add(from + " -> " + to);
                    }
                }));
        assertEquals(List.of(), sideways);
    }

    @Test
    void theComponentsFormNoCycle() {
        Map<String, Set<String>> graph = dependencies();
        for (String start : graph.keySet()) {
            assertTrue(!reaches(graph, start, start, new TreeSet<>()), "a cycle through " + start);
        }
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static int layerOf(String component) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(component)) {
                return i;
            }
        }
        throw new AssertionError(component + " has no layer");
    }

    /** Each component and the other components its main sources import. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String component = SOURCES.relativize(file).getName(0).toString();
                if (component.endsWith(".java")) {
                    return;
                }
                Set<String> targets = graph.computeIfAbsent(component, c -> new TreeSet<>());
                Matcher imports = IMPORT.matcher(read(file));
                while (imports.find()) {
                    if (!imports.group(1).equals(component)) {
                        targets.add(imports.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
