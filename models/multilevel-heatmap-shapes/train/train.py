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
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "tools", "model-training"))
import synthetic_scenes as scenes  # noqa: E402

W, H = 128, 96
GW, GH = 32, 24
MEAN, STD = 0.5, 0.5


def conv(cin, cout, stride=1, dilation=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, padding=dilation, dilation=dilation, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


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


def coverage(boxes, orig_w, orig_h):
    """Fraction of each grid cell covered by the union of the boxes (inclusive pixel indices)."""
    mask = np.zeros((orig_h, orig_w), dtype=np.float32)
    for x1, y1, x2, y2 in boxes.astype(int):
        mask[y1:y2 + 1, x1:x2 + 1] = 1
    return mask.reshape(GH, orig_h // GH, GW, orig_w // GW).mean(axis=(1, 3))


def pad(token_lists, extra):
    length = max(len(t) for t in token_lists) + extra
    ids = np.zeros((len(token_lists), length), dtype=np.int64)
    mask = np.zeros_like(ids)
    for i, t in enumerate(token_lists):
        ids[i, :len(t)] = t
        mask[i, :len(t)] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True, action="append", help="generate --out folder (repeatable)")
    ap.add_argument("--split", default="train")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--batch-images", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--limit", type=int, default=None, help="first N scenes of each folder (smoke runs)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.time()

    images, by_image = [], {}
    for root in args.train:
        imgs, scns, (ow, oh) = scenes.load(root, args.split, W, H, args.limit)
        base = sum(len(i) for i in images)
        images.append(imgs)
        for i, phrases in enumerate(scns):
            by_image[base + i] = [(tokens, coverage(boxes, ow, oh)) for _, tokens, boxes in phrases]
    images = torch.from_numpy((np.concatenate(images) - MEAN) / STD)
    count = sum(len(v) for v in by_image.values())
    print(f"{len(images)} images, {count} phrases, loaded in {time.time() - started:.0f}s", flush=True)

    model = MultiLevelHeatmap(len(scenes.VOCAB))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    steps = args.epochs * ((len(images) + args.batch_images - 1) // args.batch_images)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.15)
    log = []
    for epoch in range(args.epochs):
        model.train()
        tot, n, hits = 0.0, 0, 0
        order = rng.permutation(len(images))
        for s in range(0, len(order), args.batch_images):
            idx = order[s:s + args.batch_images]
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
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * len(sel); n += len(sel)
            peak = logits.flatten(1).argmax(1)
            hits += int((tgt.flatten(1).gather(1, peak[:, None]) > 0).sum())
        line = f"epoch {epoch + 1}/{args.epochs} loss {tot / n:.4f} train pointing {hits / n:.3f} " \
               f"({time.time() - started:.0f}s)"
        print(line, flush=True)
        log.append(line)
        model.eval()
        export(model, args.out)  # after every epoch, so a stopped run still leaves its latest model

    model.eval()
    export(model, args.out)
    os.makedirs(os.path.join(args.out, "train"), exist_ok=True)
    with open(os.path.join(args.out, "train", "last-run.txt"), "w") as f:
        f.write(f"torch {torch.__version__}, seed {args.seed}, epochs {args.epochs}, data {args.train} "
                f"({len(images)} images, {count} phrases), wall {time.time() - started:.0f}s\n")
        f.write("\n".join(log) + "\n")


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
