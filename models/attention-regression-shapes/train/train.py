"""Trains the attention-regression grounding model (IJCAI-17 style) on GroundStream synthetic scenes
and exports it as a `box-queries` ONNX graph with its card and tokenizer.

    /usr/bin/python3 models/attention-regression-shapes/train/train.py \
        --train /work/data/train-101 --split train --out models/attention-regression-shapes

Image CNN -> region features (32x24 grid); word embeddings -> BiLSTM -> word features and the mean
phrase feature; image attention (MLP, relu, one weight per region); text attention (softmax over
words, conditioned on the image attention map); a region-prediction MLP on the attention map and
the attended phrase feature regresses one box (cx, cy, w, h, normalised). Loss = 1 - IoU + L1 box
error + a penalty pulling the attention area towards the target box area (the paper's L_S).
Targets: the box of a single-object phrase, the union box of a plural one (the merged protocol).
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

W, H = 128, 96          # model input (640x480 scenes shrink by 5)
GW, GH = 32, 24         # region grid


class ImageEncoder(nn.Module):
    def __init__(self, c=16):
        super().__init__()
        self.net = nn.Sequential(conv(3, 16, 2), conv(16, c, 2), conv(c, c), conv(c, c, dilation=2),
                                 conv(c, c, dilation=4), conv(c, c, dilation=8))

    def forward(self, x):                      # [N, 3, 96, 128] -> [N, R, C]
        return self.net(x).flatten(2).transpose(1, 2)


class AttentionRegression(nn.Module):
    def __init__(self, vocab, c=16, emb=32, hid=48, att=64, pred=128):
        super().__init__()
        self.image = ImageEncoder(c)
        self.embed = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hid, batch_first=True, bidirectional=True)
        self.merge = nn.Linear(2 * hid, hid)
        regions = GW * GH
        self.att_v = nn.Linear(c, att)
        self.att_t = nn.Linear(hid, att, bias=False)
        self.att_out = nn.Linear(att, 1)
        self.txt_w = nn.Linear(hid, att)
        self.txt_a = nn.Linear(regions, att, bias=False)
        self.txt_out = nn.Linear(att, 1)
        self.pred_v = nn.Linear(regions, pred)
        self.pred_t = nn.Linear(hid, pred, bias=False)
        self.pred_out = nn.Linear(pred, 4)

    def text(self, ids, mask):
        out, _ = self.lstm(self.embed(ids))
        words = torch.tanh(self.merge(out))                     # [Q, L, hid]
        m = mask.unsqueeze(-1).to(words.dtype)
        phrase = (words * m).sum(1) / m.sum(1).clamp(min=1)      # [Q, hid]
        return words, phrase

    def ground(self, regions, ids, mask):
        """regions [Q, R, C] (the image's regions, one copy per phrase) -> boxes [Q, 4], attention [Q, R]."""
        words, phrase = self.text(ids, mask)
        h = torch.tanh(self.att_v(regions) + self.att_t(phrase).unsqueeze(1))
        alpha = F.relu(self.att_out(h)).squeeze(-1)                           # image attention [Q, R]
        ht = torch.tanh(self.txt_w(words) + self.txt_a(alpha).unsqueeze(1))
        tl = self.txt_out(ht).squeeze(-1).masked_fill(mask == 0, -1e4)
        beta = torch.softmax(tl, dim=1)                                       # text attention [Q, L]
        phrase2 = (beta.unsqueeze(-1) * words).sum(1)
        hp = torch.tanh(self.pred_v(alpha) + self.pred_t(phrase2))
        return torch.sigmoid(self.pred_out(hp)), alpha


class BoxQueriesExport(nn.Module):
    """The worker's box-queries contract: pixel_values [1, 3, H, W], input_ids / attention_mask [Q, L]
    -> logits [1, Q, Q], pred_boxes [1, Q, 4]. Proposal p is phrase p's box: the diagonal logit is
    high and every other logit low, so each phrase keeps exactly its own box."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, pixel_values, input_ids, attention_mask):
        regions = self.model.image(pixel_values[:1])                 # [1, R, C]
        q = input_ids.shape[0]
        boxes, _ = self.model.ground(regions.expand(q, -1, -1), input_ids, attention_mask)
        idx = torch.arange(q, device=input_ids.device)
        eye = (idx.unsqueeze(0) == idx.unsqueeze(1)).to(boxes.dtype)
        logits = eye * 40.0 - 20.0                                   # sigmoid: ~1 on the diagonal, ~0 off it
        return logits.unsqueeze(0), boxes.unsqueeze(0)


def to_targets(boxes, orig_w, orig_h):
    """[K, 4] inclusive pixel boxes -> union box as normalised cx, cy, w, h and its area in grid cells."""
    x1, y1 = boxes[:, 0].min(), boxes[:, 1].min()
    x2, y2 = boxes[:, 2].max() + 1, boxes[:, 3].max() + 1
    t = [(x1 + x2) / 2 / orig_w, (y1 + y2) / 2 / orig_h, (x2 - x1) / orig_w, (y2 - y1) / orig_h]
    area_cells = float(((boxes[:, 2] - boxes[:, 0] + 1) * (boxes[:, 3] - boxes[:, 1] + 1)).sum()) \
        / (orig_w * orig_h) * GW * GH
    return t, area_cells


def iou_cxcywh(a, b):
    ax1, ay1, ax2, ay2 = a[:, 0] - a[:, 2] / 2, a[:, 1] - a[:, 3] / 2, a[:, 0] + a[:, 2] / 2, a[:, 1] + a[:, 3] / 2
    bx1, by1, bx2, by2 = b[:, 0] - b[:, 2] / 2, b[:, 1] - b[:, 3] / 2, b[:, 0] + b[:, 2] / 2, b[:, 1] + b[:, 3] / 2
    iw = (torch.min(ax2, bx2) - torch.max(ax1, bx1)).clamp(min=0)
    ih = (torch.min(ay2, by2) - torch.max(ay1, by1)).clamp(min=0)
    inter = iw * ih
    return inter / (a[:, 2] * a[:, 3] + b[:, 2] * b[:, 3] - inter + 1e-9)


def main():
    ap = training.arguments(__doc__, epochs=12, lr=2e-3)
    ap.add_argument("--attention-supervision", type=float, default=0.0,
                    help="weight of an extra loss pulling the image attention towards the cells the target "
                         "boxes cover (0 = the paper's loss only)")
    args = ap.parse_args()
    rng = training.seeded(args)
    started = time.time()

    def row(text, tokens, boxes, ow, oh):
        t, area = to_targets(boxes, ow, oh)
        cov = training.coverage(boxes, ow, oh, GW, GH).reshape(-1) if args.attention_supervision else None
        return tokens, t, area, cov

    images, by_image = training.load(args, W, H, row, started)
    model = AttentionRegression(len(scenes.VOCAB))

    def step(idx, rng):
        feats = model.image(images[torch.from_numpy(idx)])          # [B, R, C]
        sel, toks, tgt, area, cov = [], [], [], [], []
        for b, i in enumerate(idx):
            for r in by_image[int(i)]:
                sel.append(b); toks.append(r[0]); tgt.append(r[1]); area.append(r[2]); cov.append(r[3])
        ids, mask = pad(toks, int(rng.integers(0, 3)))
        boxes, alpha = model.ground(feats[torch.tensor(sel)], ids, mask)
        tgt = torch.tensor(tgt)
        iou = iou_cxcywh(boxes, tgt)
        loss = (1 - iou).mean() + F.l1_loss(boxes, tgt) * 4 \
            + 1e-3 * ((alpha.sum(1) - torch.tensor(area)) ** 2).mean()
        if args.attention_supervision:
            loss = loss + args.attention_supervision * ((alpha - torch.from_numpy(np.stack(cov))) ** 2).sum(1).mean()
        return loss, len(sel), int((iou >= 0.5).sum())

    training.fit(model, images, by_image, args, rng, started, step, "train IoU>=0.5", export,
                 f"lr {args.lr}, attention supervision {args.attention_supervision}, ")


def export(model, out):
    os.makedirs(out, exist_ok=True)
    wrapper = BoxQueriesExport(model).eval()
    img = torch.zeros(1, 3, H, W)
    ids = torch.tensor([[1, 5, 12], [2, 6, 15]])
    torch.onnx.export(wrapper, (img, ids, torch.ones_like(ids)), os.path.join(out, "model.onnx"),
                      input_names=["pixel_values", "input_ids", "attention_mask"],
                      output_names=["logits", "pred_boxes"],
                      dynamic_axes={"pixel_values": {0: "batch"}, "input_ids": {0: "queries", 1: "tokens"},
                                    "attention_mask": {0: "queries", 1: "tokens"},
                                    "logits": {1: "proposals", 2: "queries"}, "pred_boxes": {1: "proposals"}},
                      opset_version=13)
    scenes.write_tokenizer(os.path.join(out, "tokenizer.json"))


if __name__ == "__main__":
    main()
