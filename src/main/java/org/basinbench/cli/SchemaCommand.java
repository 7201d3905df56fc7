package org.basinbench.cli;

import org.basinbench.spec.SpecReference;
import org.basinbench.spec.SpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code basinbench schema}: the JSON Schema of the spec language, or its Markdown reference. */
@Command(name = "schema",
    header = "Print the JSON Schema of the spec language (or, with --reference, its Markdown reference).",
    description = {"Prints the JSON Schema of the spec language, generated from the validator's own field tables;"
        + " editors use it to complete and check specs. Its checked-in copy:",
        "  jobs/schema/basinbench.schema.json",
        "With --reference, prints the Markdown reference of every spec field and parameter column, generated from"
            + " the same tables and the column catalogue. Its checked-in copy:",
        "  docs/reference.md", ""})
final class SchemaCommand extends Subcommand {
  @Option(names = "--reference", description = "print the Markdown reference (docs/reference.md) instead")
  boolean reference;

  @Override
  public Integer call() {
    printer().out.print(reference ? SpecReference.generate() : SpecSchema.generate());
    return Main.OK;
  }
}
