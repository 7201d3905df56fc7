package org.basinbench.cli;

import org.basinbench.spec.SpecSchema;
import picocli.CommandLine.Command;

/** {@code basinbench schema}: the JSON Schema of the spec language. */
@Command(name = "schema",
    header = "Print the JSON Schema of the spec language.",
    description = {"Prints the JSON Schema of the spec language, generated from the validator's own field tables;"
        + " editors use it to complete and check specs. Its checked-in copy:",
        "  jobs/schema/basinbench.schema.json", ""})
final class SchemaCommand extends Subcommand {
  @Override
  public Integer call() {
    printer().out.print(SpecSchema.generate());
    return Main.OK;
  }
}
