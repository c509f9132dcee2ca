/** The book as one command-line tool ({@code tapegrad.jar}); exports nothing. */
module dev.tapegrad.examples {
  requires dev.tapegrad.layers;
  requires dev.tapegrad.viz;
  requires info.picocli;
  requires me.tongfei.progressbar;
  requires java.net.http;
  requires java.logging;
  requires java.management;

  opens dev.tapegrad.examples to
      info.picocli;
  opens dev.tapegrad.examples.cli to
      info.picocli;
  opens dev.tapegrad.examples.commands to
      info.picocli;
}
