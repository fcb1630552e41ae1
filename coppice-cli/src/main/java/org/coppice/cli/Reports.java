package org.coppice.cli;

import java.util.List;
import java.util.Locale;
import org.coppice.data.Schema;
import org.coppice.eval.PrequentialResult;
import org.coppice.learn.registry.Settings;

/** Formats a {@link PrequentialRun.Report} as readable text or as one line of JSON. */
final class Reports {
  /** Above this many classes the text report leaves out the confusion matrix. */
  static final int MAX_MATRIX_CLASSES = 30;

  private Reports() {}

  /** A readable summary, several lines, ending with a line break. */
  static String text(Source source, PrequentialRun.Report report) {
    Schema schema = report.schema();
    PrequentialResult r = report.result();
    StringBuilder sb = new StringBuilder();
    row(sb, "source", source.describe());
    String relation = schema.relation();
    if (relation.length() > 40) {
      relation = relation.substring(0, 37) + "...";
    }
    row(
        sb,
        "data",
        plural(schema.numFeatures(), "feature")
            + ", "
            + (schema.isRegression()
                ? "numeric target " + schema.target().name()
                : plural(schema.numClasses(), "class"))
            + (source.type().equals("file") ? ", relation " + relation : ""));
    List<String> learner = LearnerOptions.describe(report.learner());
    for (int i = 0; i < learner.size(); i++) {
      row(sb, i == 0 ? "learner" : "", learner.get(i));
    }
    row(sb, "instances", Format.count(r.instances()));
    if (r.scored() != r.instances()) {
      row(sb, "scored", Format.count(r.scored()) + " (labelled, positive weight)");
    }
    if (schema.isRegression()) {
      row(sb, "MAE", Format.number(r.mae()));
      row(sb, "RMSE", Format.number(r.rmse()));
      row(sb, "R2", Format.fixed(r.r2(), 4));
      row(
          sb,
          "window RMSE",
          Format.number(r.window().rmse())
              + " (last "
              + Format.count(r.window().count())
              + " instances)");
    } else {
      classification(sb, r);
    }
    drifts(sb, report);
    row(
        sb,
        "time",
        Format.fixed(r.seconds(), 2)
            + " s, "
            + Format.rate(r.instancesPerSecond())
            + " instances/s (test-then-train loop)");
    if (!schema.isRegression()) {
      sb.append('\n');
      confusion(sb, schema.target().values(), r.confusionMatrix());
    }
    return sb.toString();
  }

  private static void classification(StringBuilder sb, PrequentialResult r) {
    row(sb, "accuracy", Format.percent(r.accuracy()));
    row(sb, "kappa", Format.fixed(r.kappa(), 4));
    row(sb, "macro F1", Format.fixed(r.macroF1(), 4));
    row(sb, "log loss", Format.fixed(r.logLoss(), 4));
    row(
        sb,
        "window acc.",
        Format.percent(r.window().accuracy())
            + " (last "
            + Format.count(r.window().count())
            + " instances)");
  }

  private static void drifts(StringBuilder sb, PrequentialRun.Report report) {
    if (report.drifts() != null) {
      row(
          sb,
          "drifts",
          plural(report.drifts(), "drift")
              + ", "
              + plural(report.warnings(), "warning")
              + " (summed over the trees)");
    }
  }

  private static String plural(long n, String noun) {
    return Format.count(n) + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append(String.format(Locale.ROOT, "%-13s", label)).append(value).append('\n');
  }

  private static void confusion(StringBuilder sb, List<String> classes, double[][] m) {
    int k = classes.size();
    if (k > MAX_MATRIX_CLASSES) {
      sb.append("Confusion matrix left out: ").append(k).append(" classes (--json includes it).\n");
      return;
    }
    String[] names = new String[k];
    int nameWidth = "actual".length();
    int cellWidth = 1;
    for (int i = 0; i < k; i++) {
      String name = classes.get(i);
      names[i] = name.length() > 16 ? name.substring(0, 15) + "~" : name;
      nameWidth = Math.max(nameWidth, names[i].length());
      cellWidth = Math.max(cellWidth, names[i].length());
      for (int j = 0; j < k; j++) {
        cellWidth = Math.max(cellWidth, cell(m[i][j]).length());
      }
    }
    sb.append("Confusion matrix (rows: actual class, columns: predicted class)\n");
    sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", "actual"));
    for (int j = 0; j < k; j++) {
      sb.append("  ").append(String.format(Locale.ROOT, "%" + cellWidth + "s", names[j]));
    }
    sb.append('\n');
    for (int i = 0; i < k; i++) {
      sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s", names[i]));
      for (int j = 0; j < k; j++) {
        sb.append("  ").append(String.format(Locale.ROOT, "%" + cellWidth + "s", cell(m[i][j])));
      }
      sb.append('\n');
    }
  }

  private static String cell(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Format.count((long) v) : Format.fixed(v, 1);
  }

  /** The report as one JSON object on one line, without a line break. */
  static String json(Source source, PrequentialRun.Report report) {
    Schema schema = report.schema();
    PrequentialResult r = report.result();
    Settings learner = report.learner();
    Json j = new Json().field("instances", r.instances()).field("scored", r.scored());
    if (schema.isRegression()) {
      j.field("mae", r.mae())
          .field("rmse", r.rmse())
          .field("r2", r.r2())
          .field("window_mae", r.window().mae())
          .field("window_rmse", r.window().rmse())
          .field("window_r2", r.window().r2());
    } else {
      j.field("accuracy", r.accuracy())
          .field("kappa", r.kappa())
          .field("macro_f1", r.macroF1())
          .field("log_loss", r.logLoss())
          .field("window_accuracy", r.window().accuracy());
    }
    j.field("window_size", r.windowSize())
        .field("seconds", r.seconds())
        .field("instances_per_second", r.instancesPerSecond())
        .field("learner", learner.type().name())
        .field("task", learner.type().task().cliName())
        .field("learner_settings", String.join("; ", LearnerOptions.describe(learner)))
        .nullable(
            "trees", learner.type().hasParameter("trees") ? (long) learner.intValue("trees") : null)
        .field("seed", report.seed())
        .field("threads", threads(learner))
        .field("source", source.name())
        .field("source_type", source.type())
        .field("stream_spec", source.spec())
        .field("relation", schema.relation())
        .field("features", schema.numFeatures());
    if (!schema.isRegression()) {
      j.field("classes", schema.target().values()).field("confusion_matrix", r.confusionMatrix());
    } else {
      j.field("target", schema.target().name());
    }
    return j.nullable("drifts", report.drifts())
        .nullable("warnings", report.warnings())
        .field("coppice_version", VersionProvider.version())
        .toString();
  }

  /** Threads the learner trains with: its setting (0: all cores), or 1. */
  static int threads(Settings learner) {
    if (!learner.type().hasParameter("threads")) {
      return 1;
    }
    int t = learner.intValue("threads");
    return t == 0 ? Runtime.getRuntime().availableProcessors() : t;
  }
}
