/**
 * The {@code coppice} command line. Exports nothing: it is an application, run as {@code java -jar
 * coppice.jar} (a shaded jar on the class path, where this descriptor is left out). Its one package
 * is opened to picocli, which reads the commands' annotated fields and methods by reflection.
 */
module org.coppice.cli {
  requires org.coppice.core;
  requires org.coppice.io;
  requires info.picocli;

  opens org.coppice.cli to
      info.picocli;
}
