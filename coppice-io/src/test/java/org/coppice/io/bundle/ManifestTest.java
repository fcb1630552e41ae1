package org.coppice.io.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coppice.state.ModelFormatException;
import org.junit.jupiter.api.Test;

class ManifestTest {
  static final String SHA = "ab".repeat(32);

  static Manifest sample() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ensembleSize", 10);
    params.put("seed", 42L);
    params.put("lambda", 6.0);
    params.put("driftDetector", Map.of("type", "ADWIN", "delta", 0.001));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("features", List.of(Map.of("name", "x", "type", "numeric")));
    schema.put("labels", List.of("no", "yes"));
    return Manifest.builder()
        .coppiceVersion("0.1.0-SNAPSHOT")
        .createdAt(Instant.parse("2025-01-02T03:04:05.678Z"))
        .platform(new Manifest.Platform("17.0.15", "Debian", "Linux", "6.1", "amd64"))
        .learner("AdaptiveRandomForest", 42L, params)
        .schema(schema)
        .preprocessing(Map.of("missing", "mean"))
        .training(new Manifest.Training("data/train.arff", SHA, 1000, 3))
        .metrics(Map.of("accuracy", 0.9, "kappa", 0.8))
        .files(Map.of("model.bin", new Manifest.FileEntry(490, SHA)))
        .build();
  }

  private static String rejects(String json) {
    return assertThrows(
            ModelFormatException.class, () -> Manifest.parse(json.getBytes(StandardCharsets.UTF_8)))
        .getMessage();
  }

  private static void assertRejects(String json, String part) {
    String message = rejects(json);
    assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
  }

  private static String replace(String json, String from, String to) {
    assertTrue(json.contains(from), from);
    return json.replace(from, to);
  }

  @Test
  void writesStablePrettyJsonWithSortedNestedKeys() {
    String json = new String(sample().toJson(), StandardCharsets.UTF_8);
    String expected =
        """
        {
          "formatVersion": 1,
          "coppiceVersion": "0.1.0-SNAPSHOT",
          "createdAt": "2025-01-02T03:04:05.678Z",
          "runtime": {
            "javaVersion": "17.0.15",
            "javaVendor": "Debian",
            "osName": "Linux",
            "osVersion": "6.1",
            "osArch": "amd64"
          },
          "learner": {
            "name": "AdaptiveRandomForest",
            "seed": 42,
            "parameters": {
              "driftDetector": {
                "delta": 0.001,
                "type": "ADWIN"
              },
              "ensembleSize": 10,
              "lambda": 6.0,
              "seed": 42
            }
          },
          "schema": {
            "features": [ {
              "name": "x",
              "type": "numeric"
            } ],
            "labels": [ "no", "yes" ]
          },
          "preprocessing": {
            "missing": "mean"
          },
          "training": {
            "dataFile": "data/train.arff",
            "dataSha256": "%s",
            "rowsRead": 1000,
            "rowsRejected": 3
          },
          "metrics": {
            "accuracy": 0.9,
            "kappa": 0.8
          },
          "files": {
            "model.bin": {
              "size": 490,
              "sha256": "%s"
            }
          }
        }
        """
            .formatted(SHA, SHA);
    assertEquals(expected, json);
  }

  @Test
  void roundTrip() {
    Manifest m = sample();
    Manifest back = Manifest.parse(m.toJson());
    assertArrayEquals(m.toJson(), back.toJson());
    assertEquals(m, back);
    assertEquals(42L, back.seed());
    assertEquals(10, back.parameters().get("ensembleSize"));
    assertEquals(new Manifest.Training("data/train.arff", SHA, 1000, 3), back.training());
    assertEquals(490, back.files().get("model.bin").size());
    Manifest minimal =
        Manifest.builder()
            .learner("MajorityClass", null, Map.of())
            .schema(Map.of())
            .files(Map.of("model.bin", new Manifest.FileEntry(0, SHA)))
            .build();
    Manifest minimalBack = Manifest.parse(minimal.toJson());
    assertNull(minimalBack.seed());
    assertNull(minimalBack.training());
    assertEquals(minimal, minimalBack);
  }

  @Test
  void jsonObjectsArePlainUnmodifiableJavaValues() {
    Manifest m = sample();
    Manifest back = Manifest.parse(m.toJson());
    // The values a built manifest returns are those its file reads back as.
    assertEquals(m.parameters(), back.parameters());
    assertEquals(m.schema(), back.schema());
    assertEquals(m.preprocessing(), back.preprocessing());
    assertEquals(m.metrics(), back.metrics());
    Map<String, Object> p = back.parameters();
    assertEquals(
        List.of("driftDetector", "ensembleSize", "lambda", "seed"), List.copyOf(p.keySet()));
    assertEquals(Integer.valueOf(10), p.get("ensembleSize"));
    assertEquals(Integer.valueOf(42), p.get("seed"));
    assertEquals(Double.valueOf(6.0), p.get("lambda"));
    assertEquals(Map.of("delta", 0.001, "type", "ADWIN"), p.get("driftDetector"));
    Object features = back.schema().get("features");
    assertEquals(List.of(Map.of("name", "x", "type", "numeric")), features);
    assertThrows(UnsupportedOperationException.class, () -> p.put("x", 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) p.get("driftDetector");
    assertThrows(UnsupportedOperationException.class, () -> nested.put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) features).clear());
    // Numbers that do not fit an int, nulls and booleans.
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put("big", 1L << 40);
    odd.put("huge", new java.math.BigInteger("123456789012345678901234567890"));
    odd.put("none", null);
    odd.put("flag", true);
    odd.put("nan", Double.NaN);
    Manifest o = m.toBuilder().metrics(odd).build();
    Manifest oBack = Manifest.parse(o.toJson());
    assertEquals(o.metrics(), oBack.metrics());
    assertEquals(Long.valueOf(1L << 40), oBack.metrics().get("big"));
    assertEquals(
        new java.math.BigInteger("123456789012345678901234567890"), oBack.metrics().get("huge"));
    assertTrue(oBack.metrics().containsKey("none"));
    assertNull(oBack.metrics().get("none"));
    assertEquals(Boolean.TRUE, oBack.metrics().get("flag"));
    assertEquals("NaN", oBack.metrics().get("nan"), "JSON has no NaN: written as a string");
    // The maps go back into a builder unchanged: same bytes.
    Manifest copy =
        Manifest.builder()
            .coppiceVersion(back.coppiceVersion())
            .createdAt(back.createdAt())
            .platform(back.platform())
            .learner(back.learner(), back.seed(), back.parameters())
            .schema(back.schema())
            .preprocessing(back.preprocessing())
            .training(back.training())
            .metrics(back.metrics())
            .files(back.files())
            .build();
    assertArrayEquals(m.toJson(), copy.toJson());
  }

  @Test
  void rejectsMissingAndMistypedFields() {
    String json = new String(sample().toJson(), StandardCharsets.UTF_8);
    assertRejects(
        replace(json, "\"formatVersion\": 1", "\"formatVersion\": 2"),
        "formatVersion 2 is not supported");
    assertRejects(
        replace(json, "\"formatVersion\": 1", "\"formatVersion\": \"1\""),
        "'formatVersion' must be an integer, found string \"1\"");
    assertRejects(
        replace(json, "\"formatVersion\": 1,", ""), "required field 'formatVersion' is missing");
    assertRejects(
        replace(json, "\"name\": \"AdaptiveRandomForest\",", ""), "'learner.name' is missing");
    assertRejects(
        replace(json, "\"rowsRead\": 1000", "\"rowsRead\": -1"),
        "'training.rowsRead' must be a non-negative integer, found number -1");
    assertRejects(
        replace(json, "\"seed\": 42,", "\"seed\": 1.5,"),
        "'learner.seed' must be a 64-bit integer");
    assertRejects(
        replace(json, "\"size\": 490", "\"size\": 99999999999999999999999"),
        "'files.model.bin.size'");
    assertRejects(
        replace(json, "2025-01-02T03:04:05.678Z", "yesterday"),
        "'createdAt': \"yesterday\" is not an ISO-8601");
    assertRejects(
        replace(json, "\"sha256\": \"" + SHA, "\"sha256\": \"" + SHA.toUpperCase()),
        "'files.model.bin.sha256' must be 64 lower-case hex digits");
    assertRejects(
        replace(json, "\"model.bin\"", "\"../model.bin\""), "not an allowed bundle file name");
    assertRejects(replace(json, "\"model.bin\"", "\"other.bin\""), "'files.model.bin' is missing");
    assertRejects(
        replace(json, "\"schema\": {", "\"schema\": [], \"old\": {"),
        "'schema' must be an object, found array");
  }

  @Test
  void rejectsInvalidJson() {
    String json = new String(sample().toJson(), StandardCharsets.UTF_8);
    assertRejects("", "is empty");
    assertRejects("[1]", "must be a JSON object, found array");
    assertRejects(json + "{}", "not valid JSON");
    assertRejects(json.substring(0, json.length() / 2), "not valid JSON");
    assertRejects(
        replace(json, "\"formatVersion\": 1,", "\"formatVersion\": 1, \"formatVersion\": 1,"),
        "Duplicate field");
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertRejects(deep, "not valid JSON");
  }

  @Test
  void fileNames() {
    assertTrue(Manifest.isValidFileName("model.bin"));
    assertTrue(Manifest.isValidFileName("config-1.yaml"));
    for (String bad :
        new String[] {"", ".", "..", ".hidden", "a/b", "a\\b", "manifest.json", "-x", "é"}) {
      assertEquals(false, Manifest.isValidFileName(bad), bad);
    }
  }
}
