"""Trains the multi-level heatmap grounding model (MultiGrounding style) on GroundStream synthetic
scenes and exports it as a `heatmap` ONNX graph with its card and tokenizer.

    /usr/bin/python3 models/multilevel-heatmap-shapes/train/train.py \
        --train /work/data/train-101 --split train --out models/multilevel-heatmap-shapes

A small CNN gives feature maps at three levels (local 32x24, context 32x24, coarse 16x12); each
level is projected into a common space with the phrase (word embeddings, attention-pooled over the
words, one projection per level), the cosine similarity of every region with the phrase is that
level's heatmap, and the heatmap of the most relevant level (the max over levels, per region) is
the output, after a sigmoid: one [24, 32] map per (image, phrase) row.

Unlike the paper (weak supervision from caption-image pairs) we have exact boxes, so the map is
trained with binary cross-entropy against the fraction of each cell covered by the phrase's boxes.
Our code (GroundStream); the design follows the paper's description, no code of theirs is used.
"""
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "tools", "model-training"))
import synthetic_scenes as scenes  # noqa: E402
import training  # noqa: E402
from training import conv, pad  # noqa: E402

W, H = 128, 96
GW, GH = 32, 24


class MultiLevelHeatmap(nn.Module):
    def __init__(self, vocab, c=16, d=32, emb=32):
        super().__init__()
        self.stem = nn.Sequential(conv(3, 16, 2), conv(16, c, 2), conv(c, c))            # level 1 (local)
        self.context = nn.Sequential(conv(c, c, dilation=2), conv(c, c, dilation=4))      # level 2
        self.coarse = nn.Sequential(conv(c, c, 2), conv(c, c, dilation=2))               # level 3 (16x12)
        self.proj = nn.ModuleList([nn.Conv2d(c, d, 1) for _ in range(3)])
        self.embed = nn.Embedding(vocab, emb)
        self.word_att = nn.Linear(emb, 1)
        self.text_proj = nn.ModuleList([nn.Sequential(nn.Linear(emb, d), nn.ReLU(), nn.Linear(d, d))
                                        for _ in range(3)])
        self.scale = nn.Parameter(torch.tensor(10.0))
        self.bias = nn.Parameter(torch.tensor(-5.0))

    def levels(self, x):
        l1 = self.stem(x)
        l2 = self.context(l1)
        l3 = self.coarse(l2)
        return [l1, l2, l3]

    def phrase(self, ids, mask):
        e = self.embed(ids)                                                  # [R, L, emb]
        a = self.word_att(e).squeeze(-1).masked_fill(mask == 0, -1e4)
        return (torch.softmax(a, 1).unsqueeze(-1) * e).sum(1)                # [R, emb]

    def heat_logits(self, feats, ids, mask):
        """feats: the three level maps, one row per (image, phrase) -> logits [R, GH, GW]."""
        p = self.phrase(ids, mask)
        maps = []
        for k, f in enumerate(feats):
            v = F.normalize(self.proj[k](f), dim=1)
            t = F.normalize(self.text_proj[k](p), dim=1)
            sim = (v * t[:, :, None, None]).sum(1, keepdim=True)
            if sim.shape[-1] != GW:
                sim = F.interpolate(sim, size=(GH, GW), mode="nearest")
            maps.append(sim)
        best = torch.cat(maps, 1).max(1).values
        return best * self.scale + self.bias


class HeatmapExport(nn.Module):
    """The worker's heatmap contract: image [R, 3, H, W] with input_ids / attention_mask [R, L], one row
    per (image, phrase) -> heatmap [R, 24, 32] in 0..1 over the model input."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, image, input_ids, attention_mask):
        return torch.sigmoid(self.model.heat_logits(self.model.levels(image), input_ids, attention_mask))


def main():
    args = training.arguments(__doc__, epochs=10, lr=3e-3).parse_args()
    rng = training.seeded(args)
    started = time.time()
    images, by_image = training.load(
        args, W, H, lambda text, tokens, boxes, ow, oh: (tokens, training.coverage(boxes, ow, oh, GW, GH)), started)
    model = MultiLevelHeatmap(len(scenes.VOCAB))

    def step(idx, rng):
        feats = model.levels(images[torch.from_numpy(idx)])
        sel, toks, tgt = [], [], []
        for b, i in enumerate(idx):
            for tokens, cov in by_image[int(i)]:
                sel.append(b); toks.append(tokens); tgt.append(cov)
        ids, mask = pad(toks, int(rng.integers(0, 3)))
        rows = torch.tensor(sel)
        logits = model.heat_logits([f[rows] for f in feats], ids, mask)
        tgt = torch.from_numpy(np.stack(tgt))
        loss = F.binary_cross_entropy_with_logits(logits, tgt, pos_weight=torch.tensor(4.0))
        peak = logits.detach().flatten(1).argmax(1)
        return loss, len(sel), int((tgt.flatten(1).gather(1, peak[:, None]) > 0).sum())

    training.fit(model, images, by_image, args, rng, started, step, "train pointing", export)


def export(model, out):
    os.makedirs(out, exist_ok=True)
    img = torch.zeros(2, 3, H, W)
    ids = torch.tensor([[1, 5, 12], [2, 6, 15]])
    torch.onnx.export(HeatmapExport(model).eval(), (img, ids, torch.ones_like(ids)), os.path.join(out, "model.onnx"),
                      input_names=["image", "input_ids", "attention_mask"], output_names=["heatmap"],
                      dynamic_axes={"image": {0: "rows"}, "input_ids": {0: "rows", 1: "tokens"},
                                    "attention_mask": {0: "rows", 1: "tokens"}, "heatmap": {0: "rows"}},
                      opset_version=13)
    scenes.write_tokenizer(os.path.join(out, "tokenizer.json"))


if __name__ == "__main__":
    main()
