/**
 * The evaluation protocols of docs/architecture.md §5 as a pure library: geometry ({@link
 * dev.groundstream.eval.protocol.BoxGeometry}), the per-phrase protocols, the evaluator that writes the
 * {@code Evaluation} record ({@link dev.groundstream.eval.protocol.ResultEvaluator}) and the category
 * accounting that streaming aggregates build on ({@link dev.groundstream.eval.protocol.CategoryAccumulator}).
 *
 * <p>Choices where the references leave room, each documented on its class:
 * <ul>
 *   <li>Boxes: area (x2-x1)*(y2-y1), no +1; IoU of two zero-area boxes is 0 (the reference's 0/0 NaN is
 *       a miss too); a box with a non-finite or inverted corner scores IoU 0 / GIoU -1 and keeps its rank.</li>
 *   <li>Evaluable: at least one well-formed truth box and not notvisual (MDETR/GLIP flickr_eval.py).</li>
 *   <li>Merged box: the enclosing box, also where SeqGROUND says "union".</li>
 *   <li>RefCOCO precision@1 with several truth boxes: best match over them (any-box).</li>
 *   <li>Pointing: heatmap, else the model's point, else the top-1 box centre; the heatmap is resized like
 *       cv2.resize INTER_LINEAR (pixel p samples cell coordinate (p + 0.5) * cells / pixels - 0.5) and the
 *       first maximum in row-major order is the integer pixel compared with the box, bounds inclusive.
 *       TorchRay tolerance: distance to the box strictly below 15 px.</li>
 *   <li>Attention correctness: resized and normalised heatmap mass inside each truth box, summed over boxes
 *       (overlaps count once per box, as MultiGrounding's evaluator does).</li>
 *   <li>Bad values never reach a metric: they are scored as misses and counted in
 *       {@link dev.groundstream.eval.protocol.EvaluationAnomalies}.</li>
 * </ul>
 */
package dev.groundstream.eval.protocol;
