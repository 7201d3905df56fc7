package org.basinbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecSchemaTest {
  /** The committed schema is the one the validator's tables generate (regenerate with 'basinbench schema'). */
  @Test
  void theCommittedSchemaIsCurrent() throws Exception {
    String committed = Files.readString(Path.of(SpecSchema.FILE), StandardCharsets.UTF_8);
    assertEquals(SpecSchema.generate(), committed,
        SpecSchema.FILE + " is stale: run 'bin/basinbench schema > " + SpecSchema.FILE + "'");
  }

  /** The committed docs reference is the one the same tables generate. */
  @Test
  void theCommittedReferenceIsCurrent() throws Exception {
    String committed = Files.readString(Path.of(SpecReference.FILE), StandardCharsets.UTF_8);
    assertEquals(SpecReference.generate(), committed,
        SpecReference.FILE + " is stale: run 'bin/basinbench schema --reference > " + SpecReference.FILE + "'");
  }

  /**
   * The schema names exactly the fields the validator accepts: every family, init kind and
   * solver, with the same required fields, and sweepable fields as value-or-list.
   */
  @Test
  void theSchemaMirrorsTheValidatorsTables() throws Exception {
    JsonNode root = new ObjectMapper().readTree(SpecSchema.generate());
    JsonNode exp = root.get("$defs").get("experiment");
    assertEquals(fieldNames(SpecParser.TOP), keys(exp.get("properties")));
    JsonNode families = exp.get("properties").get("instance").get("oneOf");
    assertEquals(SpecParser.families(Registry.get()).size(), families.size());
    for (JsonNode f : families) {
      String family = f.get("properties").get("family").get("const").asText();
      java.util.List<Field> fields = SpecParser.families(Registry.get()).get(family);
      Set<String> expected = fieldNames(fields);
      if (fields.stream().anyMatch(Field::sweepable)) {
        expected.add(Sections.ZIP);
      }
      assertEquals(expected, keys(f.get("properties")), family);
      Set<String> required = new HashSet<>();
      f.get("required").forEach(r -> required.add(r.asText()));
      assertEquals(fields.stream().filter(Field::required).map(Field::name).collect(java.util.stream.Collectors.toSet()),
          required, family);
      for (Field fd : fields) {
        JsonNode p = f.get("properties").get(fd.name());
        assertEquals(fd.sweepable(), p.has("anyOf"), family + "." + fd.name());
      }
    }
    assertEquals(SpecParser.solvers(Registry.get()).size(), exp.get("properties").get("solvers").get("items").get("oneOf").size());
    assertEquals(SpecParser.INITS.size(), exp.get("properties").get("init").get("oneOf").size());
    assertTrue(exp.get("properties").get("experiment").get("pattern").asText().startsWith("^"));
  }

  /** A spec naming the schema for its editor validates, and the key does not change its hash. */
  @Test
  void theSchemaKeyIsAcceptedAndNotHashed() throws Exception {
    String spec = SpecParserTest.EXAMPLE;
    Experiment plain = SpecParser.parse(spec, "a.json").get(0);
    Experiment hinted = SpecParser.parse(spec.replaceFirst("\\{", "{\"\\$schema\": \"basinbench.schema.json\","),
        "b.json").get(0);
    assertEquals(plain.specHash(), hinted.specHash());
  }

  private static Set<String> fieldNames(java.util.List<Field> fields) {
    Set<String> s = new HashSet<>();
    fields.forEach(f -> s.add(f.name()));
    return s;
  }

  private static Set<String> keys(JsonNode n) {
    Set<String> s = new HashSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      s.add(it.next());
    }
    return s;
  }
}
