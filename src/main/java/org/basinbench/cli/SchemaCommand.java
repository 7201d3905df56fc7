package org.basinbench.cli;

import java.util.concurrent.Callable;
import org.basinbench.spec.SpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code basinbench schema}: the JSON Schema of the spec language. */
@Command(name = "schema",
    header = "Print the JSON Schema of the spec language.",
    description = {"Prints the JSON Schema of the spec language, generated from the validator's own field tables;"
        + " editors use it to complete and check specs. Its checked-in copy:",
        "  jobs/schema/basinbench.schema.json", ""})
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Mixin
  Main.HelpOption help;

  @Override
  public Integer call() {
    main.printer().out.print(SpecSchema.generate());
    return Main.OK;
  }
}
