"""What the example models' training scripts share (models/*-shapes/train/train.py): the command line,
loading the scenes, the conv block, token padding, box coverage of the region grid, and the loop
(Adam with a one-cycle schedule, one export per epoch, train/last-run.txt). Each script keeps only
its network, its loss and its export contract. Written for GroundStream; no third-party code.
"""
import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn

import synthetic_scenes as scenes

MEAN, STD = 0.5, 0.5


def arguments(doc, epochs, lr):
    """The options every training script takes; a script may add its own before parse_args()."""
    ap = argparse.ArgumentParser(description=doc.strip().splitlines()[0])
    ap.add_argument("--train", required=True, action="append", help="generate --out folder (repeatable)")
    ap.add_argument("--split", default="train")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--batch-images", type=int, default=32)
    ap.add_argument("--lr", type=float, default=lr)
    ap.add_argument("--limit", type=int, default=None, help="first N scenes of each folder (smoke runs)")
    return ap


def seeded(args):
    """One thread, seeded torch and numpy (before the model is built, so its weights are repeatable)."""
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    return np.random.default_rng(args.seed)


def load(args, width, height, phrase_row, started):
    """Images of every --train folder, normalised, as one tensor [N, 3, H, W], and per image index the
    rows phrase_row(text, tokens, boxes, orig_w, orig_h) made of its phrases."""
    images, by_image = [], {}
    for root in args.train:
        imgs, scns, (ow, oh) = scenes.load(root, args.split, width, height, args.limit)
        base = sum(len(i) for i in images)
        images.append(imgs)
        for i, phrases in enumerate(scns):
            by_image[base + i] = [phrase_row(text, tokens, boxes, ow, oh) for text, tokens, boxes in phrases]
    images = torch.from_numpy((np.concatenate(images) - MEAN) / STD)
    count = sum(len(rows) for rows in by_image.values())
    print(f"{len(images)} images, {count} phrases, loaded in {time.time() - started:.0f}s", flush=True)
    return images, by_image


def conv(cin, cout, stride=1, dilation=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, padding=dilation, dilation=dilation, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


def pad(token_lists, extra):
    """Token id lists -> ids and attention mask [Q, longest + extra] (extra: padding the model must ignore)."""
    length = max(len(t) for t in token_lists) + extra
    ids = np.zeros((len(token_lists), length), dtype=np.int64)
    mask = np.zeros_like(ids)
    for i, t in enumerate(token_lists):
        ids[i, :len(t)] = t
        mask[i, :len(t)] = 1
    return torch.from_numpy(ids), torch.from_numpy(mask)


def coverage(boxes, orig_w, orig_h, grid_w, grid_h):
    """Fraction of each grid cell covered by the union of the boxes (inclusive pixel indices), [grid_h, grid_w]."""
    mask = np.zeros((orig_h, orig_w), dtype=np.float32)
    for x1, y1, x2, y2 in boxes.astype(int):
        mask[y1:y2 + 1, x1:x2 + 1] = 1
    return mask.reshape(grid_h, orig_h // grid_h, grid_w, orig_w // grid_w).mean(axis=(1, 3))


def fit(model, images, by_image, args, rng, started, step, metric, export, settings=""):
    """Trains: step(image indices, rng) -> (loss, phrases, hits) per batch; prints and logs each epoch
    with `metric` = hits / phrases; exports after every epoch (a stopped run still leaves its latest
    model) and at the end, then writes train/last-run.txt (`settings` goes into its first line)."""
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    steps = args.epochs * ((len(images) + args.batch_images - 1) // args.batch_images)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.15)
    log = []
    for epoch in range(args.epochs):
        model.train()
        tot, n, hits = 0.0, 0, 0
        order = rng.permutation(len(images))
        for s in range(0, len(order), args.batch_images):
            loss, count, hit = step(order[s:s + args.batch_images], rng)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * count
            n += count
            hits += hit
        line = f"epoch {epoch + 1}/{args.epochs} loss {tot / n:.4f} {metric} {hits / n:.3f} " \
               f"({time.time() - started:.0f}s)"
        print(line, flush=True)
        log.append(line)
        model.eval()
        export(model, args.out)

    model.eval()
    export(model, args.out)
    phrases = sum(len(rows) for rows in by_image.values())
    os.makedirs(os.path.join(args.out, "train"), exist_ok=True)
    with open(os.path.join(args.out, "train", "last-run.txt"), "w") as f:
        f.write(f"torch {torch.__version__}, seed {args.seed}, epochs {args.epochs}, {settings}data {args.train} "
                f"({len(images)} images, {phrases} phrases), wall {time.time() - started:.0f}s\n")
        f.write("\n".join(log) + "\n")
