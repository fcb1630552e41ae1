package org.coppice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module's export policy (see {@code module-info.java}): every package is API and exported to
 * all, except the internal ones. A learner package added to core fails here until it is exported.
 * Runs when the tests run on the module path (the default); skipped on the class path.
 */
class ModuleExportsTest {
  /** Internal packages, with the modules each one is exported to (none: not exported). */
  private static final Map<String, Set<String>> INTERNAL =
      Map.of("org.coppice.util", Set.of(), "org.coppice.state.internal", Set.of("org.coppice.io"));

  @Test
  void everyPackageButTheInternalOnesIsExportedToAll() {
    Module module = Version.class.getModule();
    assumeTrue(module.isNamed(), "the tests run on the class path");
    ModuleDescriptor d = module.getDescriptor();
    assertEquals("org.coppice.core", d.name());
    Map<String, Set<String>> exports = new TreeMap<>();
    for (ModuleDescriptor.Exports e : d.exports()) {
      exports.put(e.source(), e.isQualified() ? new TreeSet<>(e.targets()) : null);
    }
    for (String p : new TreeSet<>(d.packages())) {
      if (INTERNAL.containsKey(p)) {
        if (INTERNAL.get(p).isEmpty()) {
          assertFalse(exports.containsKey(p), p + " is internal: not exported");
        } else {
          assertEquals(new TreeSet<>(INTERNAL.get(p)), exports.get(p), p + " exported only to");
        }
      } else {
        assertTrue(exports.containsKey(p), p + " is API: add it to module-info.java");
        assertNull(exports.get(p), p + " is API: exported to all modules");
      }
    }
  }
}
