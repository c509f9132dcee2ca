package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The tour visits every chapter command (each is tested end to end on its own). */
class TourCommandTest {

  @Test
  void everyChapterCommandIsInTheTour() {
    Set<String> commands = new TreeSet<>(new CommandLine(new Main()).getSubcommands().keySet());
    commands.removeAll(Set.of("tour", "download"));
    Set<String> visited = new TreeSet<>();
    dev.tapegrad.examples.commands.TourCommand.steps().forEach(s -> visited.add(s.args()[0]));
    assertEquals(commands, visited);
  }
}
