package org.passkeyee.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * Which package of a module's compiled classes uses which other package of the project, as the
 * JDK's {@code jdeps} reads them from the class files: for tests that keep the layers apart (no
 * package cycles, no use of another module's internals).
 */
public final class PackageDependencies {

    private final Map<String, Set<String>> uses;

    private PackageDependencies(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /** The dependencies among {@code org.passkeyee} packages of the classes under {@code classes}. */
    public static PackageDependencies of(Path classes) {
        if (!Files.isDirectory(classes)) {
            throw new IllegalArgumentException("No compiled classes at " + classes);
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("jdeps is part of every JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:package", "-filter:none", "-e", "org\\.passkeyee\\..*", classes.toString());
        if (exit != 0) {
            throw new IllegalStateException("jdeps failed: " + err);
        }
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && "->".equals(parts[1]) && parts[0].startsWith("org.passkeyee")) {
                uses.computeIfAbsent(parts[0], p -> new TreeSet<>());
                if (!parts[0].equals(parts[2])) {
                    uses.get(parts[0]).add(parts[2]);
                }
            }
        }
        return new PackageDependencies(uses);
    }

    /** The packages {@code from} uses directly. */
    public Set<String> usedBy(String from) {
        return uses.getOrDefault(from, Set.of());
    }

    /** Every package of these classes and the packages each uses. */
    public Map<String, Set<String>> all() {
        return uses;
    }

    /**
     * The groups of packages that use each other in a circle (strongly connected components of
     * more than one package), each sorted; empty when the packages form layers.
     */
    public List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    /** Tarjan's algorithm, one package at a time. */
    private void connect(String from, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                         Set<String> onStack, List<Set<String>> cycles) {
        index.put(from, index.size());
        low.put(from, index.get(from));
        stack.push(from);
        onStack.add(from);
        for (String to : usedBy(from)) {
            if (!index.containsKey(to)) {
                connect(to, index, low, stack, onStack, cycles);
                low.put(from, Math.min(low.get(from), low.get(to)));
            } else if (onStack.contains(to)) {
                low.put(from, Math.min(low.get(from), index.get(to)));
            }
        }
        if (low.get(from).equals(index.get(from))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(from));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
