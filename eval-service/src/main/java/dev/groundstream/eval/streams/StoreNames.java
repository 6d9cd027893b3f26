package dev.groundstream.eval.streams;

/** Names of the queryable state stores, shared by the topology and the interactive queries. */
public final class StoreNames {
  /** requestId|model -> latest GroundingResult (one side of the join). */
  public static final String RESULTS = "eval-results";
  /** requestId -> GroundTruth (the other side of the join). */
  public static final String TRUTH = "eval-truth";
  /** requestId|model -> current Evaluation. */
  public static final String EVALUATIONS = "eval-evaluations";
  /** inverted evaluatedAt|requestId|model -> requestId|model: newest evaluations first ({@link RecencyKeys}). */
  public static final String RECENT_EVALUATIONS = "eval-recent";
  /** modelA|modelB|datasetA|datasetB -> PairedTable (A < B) of the requests both evaluated ({@link PairedTables}). */
  public static final String PAIRED_TABLES = "eval-paired-tables";
  /** model|dataset -> number of current evaluations ({@link PairedTables}). */
  public static final String EVALUATION_COUNTS = "eval-evaluation-counts";
  /** model|dataset -> MetricAggregate over all time. */
  public static final String METRICS_ALL_TIME = "metrics-all-time";
  /** model|dataset -> MetricAggregate per tumbling window. */
  public static final String METRICS_TUMBLING = "metrics-tumbling";
  /** model|dataset -> MetricAggregate per hopping window. */
  public static final String METRICS_HOPPING = "metrics-hopping";
  /** model -> SignalSketch per tumbling window (label-free signals). */
  public static final String SIGNALS_TUMBLING = "signals-tumbling";
  /** requestId -> ImageRef of grounding.requests, kept image-retention (for the dashboard's viewer). */
  public static final String REQUEST_IMAGES = "request-images";
  /** rule key -> AlertState (trailing baseline and last alert) for accuracy alerts. */
  public static final String ACCURACY_ALERT_STATE = "alerts-accuracy-state";
  /** rule key -> AlertState for label-free signal alerts. */
  public static final String SIGNAL_ALERT_STATE = "alerts-signal-state";

  private StoreNames() {}
}
