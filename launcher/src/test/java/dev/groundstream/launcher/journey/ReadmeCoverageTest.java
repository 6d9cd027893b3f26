package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every ```bash block of README.md carries a {@code <!-- journey: ID -->} marker and is exercised
 * by a test of this module that declares {@code @CoversReadme("ID")} on a {@code @Test} method or
 * its class. Fails on a new, unmarked or untested block, and on a marker no block has.
 */
class ReadmeCoverageTest {
  /**
   * Blocks whose journey test lives on another branch not merged yet, with where; a block listed
   * here must still be in README.md and must not be covered already (then remove it from here).
   */
  static final Map<String, String> PENDING = Map.of(
      "compare", "branch compare: compare reports the paired counts, recomputed from the stored evaluations");

  @Test
  void everyReadmeCommandBlockHasAJourneyTest() throws Exception {
    List<ReadmeBlocks.Block> blocks = ReadmeBlocks.all();
    assertFalse(blocks.isEmpty(), "README.md has ```bash blocks");
    Set<String> covered = coveredIds();
    Set<String> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (ReadmeBlocks.Block block : blocks) {
      if (block.id() == null) {
        problems.add("README.md line " + block.line() + ": ```bash block without <!-- journey: ID --> above it");
        continue;
      }
      if (!ids.add(block.id())) {
        problems.add("README.md line " + block.line() + ": journey id '" + block.id() + "' used twice");
      }
      if (!covered.contains(block.id()) && !PENDING.containsKey(block.id())) {
        problems.add("README.md line " + block.line() + ": no test declares @CoversReadme(\"" + block.id() + "\")");
      }
    }
    for (String id : PENDING.keySet()) {
      assertTrue(ids.contains(id), "pending id '" + id + "' is no longer in README.md: remove it from PENDING");
      assertFalse(covered.contains(id), "'" + id + "' is covered now: remove it from PENDING");
    }
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(ids);
    assertEquals(Set.of(), unknown, "@CoversReadme ids that no README block has");
    assertEquals(List.of(), problems);
  }

  /** The ids declared by {@code @CoversReadme} on the test classes of this module. */
  static Set<String> coveredIds() throws Exception {
    Path root = testClassesRoot();
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, ReadmeCoverageTest.class.getClassLoader());
        CoversReadme onClass = type.getAnnotation(CoversReadme.class);
        boolean hasTest = false;
        for (Method m : type.getDeclaredMethods()) {
          if (m.isAnnotationPresent(Test.class)) {
            hasTest = true;
            CoversReadme onMethod = m.getAnnotation(CoversReadme.class);
            if (onMethod != null) {
              ids.addAll(List.of(onMethod.value()));
            }
          }
        }
        if (onClass != null && hasTest) {
          ids.addAll(List.of(onClass.value()));
        }
      }
    }
    return ids;
  }

  private static Path testClassesRoot() throws URISyntaxException {
    return Path.of(ReadmeCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
