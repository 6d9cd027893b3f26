#!/usr/bin/python3
"""Generates the tiny ONNX test models of the grounding worker, one model folder per plug-in kind.

Each model has the input/output signature of its family (CenterNet-style detector, OWL-ViT-style
box queries, MDETR-style caption spans, a heatmap model), but its outputs are a simple
deterministic function of the inputs, so that the Java tests can compute the exact expected boxes.

Run from the repository root with Debian's python3-onnx (no network, no torch):
    /usr/bin/python3 grounding-worker/src/test/python/make_test_models.py
It rewrites grounding-worker/src/test/resources/models/*; the output is deterministic.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "models")
SIZE = 32  # model input is SIZE x SIZE
OPSET = 13

# Detector proposals before the input-dependent shift: x1, y1, x2, y2 (model-input pixels), score, class.
DETECTOR_BASE = np.array([
    [2, 2, 14, 30, 0.90, 0],    # person
    [3, 2, 15, 30, 0.80, 0],    # person, IoU 0.85 with the first: removed by NMS
    [18, 4, 30, 16, 0.70, 1],   # dog
    [16, 18, 30, 30, 0.60, 2],  # car
    [20, 2, 28, 12, 0.50, 0],   # small person
], dtype=np.float32)
# Added times the mean input value m in [0, 1]: boxes move right by 4*m, scores rise by 0.05*m.
DETECTOR_SHIFT = np.array([[4, 0, 4, 0, 0.05, 0]] * len(DETECTOR_BASE), dtype=np.float32)
# Inputs whose mean exceeds this get NaN outputs (sqrt of a negative number): the "marked" input.
NAN_ABOVE_MEAN = 0.9

# Query/proposal targets of the text-conditioned fakes: a proposal scores best for the query whose
# token-id sum (box-queries) or token id (caption-spans) equals its target.
QUERY_TARGETS = np.array([3, 7, 9, 12], dtype=np.float32)
# cx, cy, w, h normalised to the model input.
QUERY_BOXES = np.array([
    [0.25, 0.25, 0.25, 0.25],
    [0.75, 0.25, 0.25, 0.25],
    [0.25, 0.75, 0.25, 0.25],
    [0.50, 0.50, 0.50, 0.50],
], dtype=np.float32)
QUERY_BOX_SHIFT = np.array([[0.1, 0, 0, 0]] * len(QUERY_BOXES), dtype=np.float32)

VOCAB = ["[UNK]", "a", "man", "red", "shirt", "dog", "car", "the", "person", "on", "left",
         "woman", "with", "green", "ball", "two", "dogs", "in", "blue", "puppy"]


def const(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def mean_of(input_name, axes, out="m"):
    """m = mean over axes, reshaped to [N, 1, 1]."""
    return [
        helper.make_node("ReduceMean", [input_name], ["m_flat"], axes=axes, keepdims=0),
        helper.make_node("Reshape", ["m_flat", "shape_n11"], [out]),
    ]


def save(model_dir, graph, card, extra_files=None):
    path = os.path.join(OUT, model_dir)
    os.makedirs(path, exist_ok=True)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="groundstream-test-models")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(path, "model.onnx"))
    with open(os.path.join(path, "groundstream-model.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    for name, text in (extra_files or {}).items():
        with open(os.path.join(path, name), "w") as f:
            f.write(text)


def tokenizer_json():
    """A Hugging Face WordLevel tokenizer: lowercase, whitespace split, no special tokens added."""
    return json.dumps({
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": 0, "content": "[UNK]", "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": False, "special": True}],
        "normalizer": {"type": "Lowercase"},
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None, "decoder": None,
        "model": {"type": "WordLevel", "vocab": {w: i for i, w in enumerate(VOCAB)}, "unk_token": "[UNK]"},
    }, indent=1) + "\n"


def detector():
    images = helper.make_tensor_value_info("images", TensorProto.FLOAT, ["N", SIZE, SIZE, 3])
    detections = helper.make_tensor_value_info("detections", TensorProto.FLOAT, ["N", len(DETECTOR_BASE), 6])
    nodes = mean_of("images", [1, 2, 3]) + [
        helper.make_node("Mul", ["m", "shift"], ["moved"]),
        helper.make_node("Add", ["base", "moved"], ["clean"]),
        # nan_term = sqrt(threshold - m) * 0: 0 for ordinary inputs, NaN for the marked ones.
        helper.make_node("Sub", ["threshold", "m"], ["margin"]),
        helper.make_node("Sqrt", ["margin"], ["root"]),
        helper.make_node("Mul", ["root", "zero"], ["nan_term"]),
        helper.make_node("Add", ["clean", "nan_term"], ["detections"]),
    ]
    graph = helper.make_graph(nodes, "fake_detector", [images], [detections], initializer=[
        const("shape_n11", np.array([-1, 1, 1], dtype=np.int64)),
        const("shift", DETECTOR_SHIFT[None]), const("base", DETECTOR_BASE[None]),
        const("threshold", np.array(NAN_ABOVE_MEAN, dtype=np.float32)),
        const("zero", np.array(0, dtype=np.float32)),
    ])
    card = {
        "name": "fake-detector", "version": "1.0.0", "kind": "detector-ranker",
        "description": "Test fixture: proposals are constants shifted by the mean input value; NaN when that mean exceeds 0.9.",
        "inputs": [{"name": "images", "role": "image"}],
        "outputs": [{"name": "detections", "role": "detections"}],
        "preprocessing": {"width": SIZE, "height": SIZE, "layout": "NHWC", "resize": "letterbox",
                          "padValue": 0, "scale": 1.0 / 255},
        "boxFormat": "xyxy-pixels",
        "labels": "labels.txt",
        "maxBatch": 8,
    }
    save("fake-detector", graph, card, {"labels.txt": "person\ndog\ncar\n"})


def text_inputs(ids_shape):
    return [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ids_shape),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ids_shape)]


def box_queries():
    pixels = helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["N", 3, SIZE, SIZE])
    logits = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", len(QUERY_BOXES), "Q"])
    boxes = helper.make_tensor_value_info("pred_boxes", TensorProto.FLOAT, ["N", len(QUERY_BOXES), 4])
    nodes = mean_of("pixel_values", [1, 2, 3]) + [
        helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["ids_f", "mask_f"], ["ids_masked"]),
        helper.make_node("ReduceSum", ["ids_masked", "axis1"], ["id_sum"], keepdims=0),      # [Q]
        helper.make_node("Unsqueeze", ["id_sum", "axis0"], ["id_sum_row"]),                 # [1, Q]
        helper.make_node("Sub", ["id_sum_row", "targets"], ["diff"]),                        # [P, Q]
        helper.make_node("Abs", ["diff"], ["dist"]),
        helper.make_node("Neg", ["dist"], ["logit_pq"]),
        helper.make_node("Mul", ["m", "zero"], ["zeros_n11"]),
        helper.make_node("Add", ["logit_pq", "zeros_n11"], ["logits"]),                      # [N, P, Q]
        helper.make_node("Mul", ["m", "box_shift"], ["moved"]),
        helper.make_node("Add", ["boxes_base", "moved"], ["pred_boxes"]),
    ]
    graph = helper.make_graph(nodes, "fake_box_queries", [pixels] + text_inputs(["Q", "L"]), [logits, boxes],
                              initializer=[
                                  const("shape_n11", np.array([-1, 1, 1], dtype=np.int64)),
                                  const("axis0", np.array([0], dtype=np.int64)),
                                  const("axis1", np.array([1], dtype=np.int64)),
                                  const("targets", QUERY_TARGETS[:, None]),
                                  const("zero", np.array(0, dtype=np.float32)),
                                  const("box_shift", QUERY_BOX_SHIFT[None]),
                                  const("boxes_base", QUERY_BOXES[None]),
                              ])
    card = {
        "name": "fake-box-queries", "version": "1.0.0", "kind": "box-queries",
        "description": "Test fixture: logit(proposal p, query q) = -|sum of q's token ids - target[p]|.",
        "inputs": [{"name": "pixel_values", "role": "image"}, {"name": "input_ids", "role": "input_ids"},
                   {"name": "attention_mask", "role": "attention_mask"}],
        "outputs": [{"name": "logits", "role": "logits"}, {"name": "pred_boxes", "role": "boxes"}],
        "preprocessing": {"width": SIZE, "height": SIZE, "layout": "NCHW", "resize": "stretch",
                          "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5]},
        "boxFormat": "cxcywh-normalized",
        "scoreActivation": "sigmoid",
        "tokenizer": "tokenizer.json",
        "maxBatch": 4,
    }
    save("fake-box-queries", graph, card, {"tokenizer.json": tokenizer_json()})


def caption_spans():
    pixels = helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["N", 3, SIZE, SIZE])
    logits = helper.make_tensor_value_info("pred_logits", TensorProto.FLOAT, ["N", len(QUERY_BOXES), "L"])
    boxes = helper.make_tensor_value_info("pred_boxes", TensorProto.FLOAT, ["N", len(QUERY_BOXES), 4])
    nodes = mean_of("pixel_values", [1, 2, 3]) + [
        helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["ids_f", "axis1"], ["ids_n1l"]),                      # [N, 1, L]
        helper.make_node("Sub", ["ids_n1l", "targets"], ["diff"]),                          # [N, Q, L]
        helper.make_node("Abs", ["diff"], ["dist"]),
        helper.make_node("Neg", ["dist"], ["raw_logits"]),
        # Padding tokens get -100: they must never match a phrase.
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Sub", ["mask_f", "one"], ["mask_minus_one"]),
        helper.make_node("Mul", ["mask_minus_one", "hundred"], ["penalty"]),
        helper.make_node("Unsqueeze", ["penalty", "axis1"], ["penalty_n1l"]),
        helper.make_node("Add", ["raw_logits", "penalty_n1l"], ["pred_logits"]),
        helper.make_node("Mul", ["m", "box_shift"], ["moved"]),
        helper.make_node("Add", ["boxes_base", "moved"], ["pred_boxes"]),
    ]
    graph = helper.make_graph(nodes, "fake_caption_spans", [pixels] + text_inputs(["N", "L"]), [logits, boxes],
                              initializer=[
                                  const("shape_n11", np.array([-1, 1, 1], dtype=np.int64)),
                                  const("axis1", np.array([1], dtype=np.int64)),
                                  const("targets", QUERY_TARGETS[None, :, None]),
                                  const("one", np.array(1, dtype=np.float32)),
                                  const("hundred", np.array(100, dtype=np.float32)),
                                  const("box_shift", QUERY_BOX_SHIFT[None]),
                                  const("boxes_base", QUERY_BOXES[None]),
                              ])
    card = {
        "name": "fake-caption-spans", "version": "1.0.0", "kind": "caption-spans",
        "description": "Test fixture: token logit(query q, token t) = -|token id - target[q]|, -100 extra on padding.",
        "inputs": [{"name": "pixel_values", "role": "image"}, {"name": "input_ids", "role": "input_ids"},
                   {"name": "attention_mask", "role": "attention_mask"}],
        "outputs": [{"name": "pred_logits", "role": "logits"}, {"name": "pred_boxes", "role": "boxes"}],
        "preprocessing": {"width": SIZE, "height": SIZE, "layout": "NCHW", "resize": "letterbox",
                          "padValue": 0, "scale": 1.0 / 255},
        "boxFormat": "cxcywh-normalized",
        "scoreActivation": "sigmoid",
        "tokenizer": "tokenizer.json",
        "maxBatch": 4,
    }
    save("fake-caption-spans", graph, card, {"tokenizer.json": tokenizer_json()})


def heatmap():
    cells = SIZE // 4
    image = helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", 3, SIZE, SIZE])
    out = helper.make_tensor_value_info("heatmap", TensorProto.FLOAT, ["N", cells, cells])
    nodes = [
        # channel c = (sum of the phrase's token ids) mod 3 is the phrase's "colour"
        helper.make_node("Mul", ["input_ids", "attention_mask"], ["ids_masked"]),
        helper.make_node("ReduceSum", ["ids_masked", "axis1"], ["id_sum"], keepdims=0),     # [N]
        helper.make_node("Mod", ["id_sum", "three"], ["channel"]),
        helper.make_node("OneHot", ["channel", "three", "onehot_values"], ["weights"], axis=-1),  # [N, 3]
        helper.make_node("Cast", ["weights"], ["weights_f"], to=TensorProto.FLOAT),
        helper.make_node("Reshape", ["weights_f", "shape_n311"], ["weights_n311"]),
        helper.make_node("Mul", ["image", "weights_n311"], ["selected"]),
        helper.make_node("ReduceSum", ["selected", "axis1"], ["plane"], keepdims=1),          # [N, 1, S, S]
        helper.make_node("AveragePool", ["plane"], ["pooled"], kernel_shape=[4, 4], strides=[4, 4]),
        helper.make_node("Reshape", ["pooled", "shape_nhw"], ["heatmap"]),
    ]
    graph = helper.make_graph(nodes, "fake_heatmap", [image] + text_inputs(["N", "L"]), [out], initializer=[
        const("axis1", np.array([1], dtype=np.int64)),
        const("three", np.array(3, dtype=np.int64)),
        const("onehot_values", np.array([0, 1], dtype=np.int64)),
        const("shape_n311", np.array([-1, 3, 1, 1], dtype=np.int64)),
        const("shape_nhw", np.array([-1, cells, cells], dtype=np.int64)),
    ])
    card = {
        "name": "fake-heatmap", "version": "1.0.0", "kind": "heatmap",
        "description": "Test fixture: heatmap = 4x4 average pool of colour channel (token-id sum mod 3).",
        "inputs": [{"name": "image", "role": "image"}, {"name": "input_ids", "role": "input_ids"},
                   {"name": "attention_mask", "role": "attention_mask"}],
        "outputs": [{"name": "heatmap", "role": "heatmap"}],
        "preprocessing": {"width": SIZE, "height": SIZE, "layout": "NCHW", "resize": "letterbox",
                          "padValue": 0, "scale": 1.0 / 255},
        "peakThreshold": 0.5,
        "tokenizer": "tokenizer.json",
        "maxBatch": 4,
    }
    save("fake-heatmap", graph, card, {"tokenizer.json": tokenizer_json()})


def version_two_detector():
    """The same detector under version 2.0.0: two versions side by side in the worker tests."""
    src = os.path.join(OUT, "fake-detector")
    dst = os.path.join(OUT, "fake-detector-v2")
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(src, "groundstream-model.json")) as f:
        card = json.load(f)
    card["version"] = "2.0.0"
    with open(os.path.join(dst, "groundstream-model.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    for name in ("model.onnx", "labels.txt"):
        with open(os.path.join(src, name), "rb") as fi, open(os.path.join(dst, name), "wb") as fo:
            fo.write(fi.read())


if __name__ == "__main__":
    detector()
    box_queries()
    caption_spans()
    heatmap()
    version_two_detector()
    print("wrote", sorted(os.listdir(OUT)))
