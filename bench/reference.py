"""numpy reference implementations of one training step of each engine model, for bench/run.ts.

Usage: python3 bench/reference.py <model> <json-size> <steps> [repeats]
Prints {"stepsPerSecond": ...}, the best of `repeats` timed runs after a short warm-up. Each loop mirrors the TypeScript step (same shapes, same math);
setup is excluded from the timing. numpy uses its BLAS, single-threaded here (OMP/OPENBLAS_NUM_THREADS=1
are set by bench/run.ts) so the comparison is per core.
"""
import json, sys, time
import numpy as np

def dln(size, steps):
    widths, eta = size["widths"], 1e-3
    rng = np.random.default_rng(0)
    n0, nL = widths[0], widths[-1]
    M = rng.standard_normal((nL, n0))
    Ws = [1e-3 * rng.standard_normal((widths[l + 1], widths[l])) for l in range(len(widths) - 1)]
    L = len(Ws)
    t0 = time.perf_counter()
    for _ in range(steps):
        prefix = [np.eye(n0)]
        for W in Ws:
            prefix.append(W @ prefix[-1])
        suffix = [np.eye(nL)]
        for W in reversed(Ws):
            suffix.insert(0, suffix[0] @ W)
        R = prefix[-1] - M
        loss = 0.5 * np.sum(R * R)
        grads = [suffix[l + 1].T @ R @ prefix[l].T for l in range(L)]
        for W, G in zip(Ws, grads):
            W -= eta * G
    return steps / (time.perf_counter() - t0)

def diagonal(size, steps):
    n, d, eta = size["n"], size["d"], 0.01
    rng = np.random.default_rng(0)
    X = rng.standard_normal((n, d)); y = X[:, :3].sum(1)
    u = np.full(d, 0.1); v = np.full(d, 0.1)
    t0 = time.perf_counter()
    for _ in range(steps):
        beta = u * u - v * v
        r = X @ beta - y
        g = X.T @ r / n
        u -= 2 * eta * u * g
        v += 2 * eta * v * g
    return steps / (time.perf_counter() - t0)

def eos_mlp(size, steps):
    sizes = [1] + size["hidden"] + [1]
    rng = np.random.default_rng(0)
    x = np.linspace(-1, 1, 20)[:, None]; y = np.cos(6 * np.arccos(x))
    Ws = [rng.standard_normal((sizes[l + 1], sizes[l])) / np.sqrt(sizes[l]) for l in range(len(sizes) - 1)]
    bs = [np.zeros(sizes[l + 1]) for l in range(len(sizes) - 1)]
    eta, P = 0.1, 20
    t0 = time.perf_counter()
    for _ in range(steps):
        acts = [x]
        for l, (W, b) in enumerate(zip(Ws, bs)):
            z = acts[-1] @ W.T + b
            acts.append(z if l == len(Ws) - 1 else np.tanh(z))
        d = (acts[-1] - y) / P
        for l in range(len(Ws) - 1, -1, -1):
            gW = d.T @ acts[l]; gb = d.sum(0)
            if l > 0:
                d = (d @ Ws[l]) * (1 - acts[l] ** 2)
            Ws[l] -= eta * gW; bs[l] -= eta * gb
    return steps / (time.perf_counter() - t0)

def kumar(size, steps):
    D, P, alpha, eps, eta0 = size["D"], size["P"], 1.0, 0.1, 0.03
    rng = np.random.default_rng(0)
    beta = rng.standard_normal(D)
    X = rng.standard_normal((P, D)) / np.sqrt(D); y = 0.5 * (X @ beta) ** 2
    wbar = np.zeros(D); M = np.eye(D); wbar0 = wbar.copy(); M0 = M.copy()
    c = eta0 / alpha
    t0 = time.perf_counter()
    for _ in range(steps):
        f = alpha * X @ (wbar - wbar0) + 0.5 * alpha * eps * np.einsum('pi,ij,pj->p', X, M - M0, X)
        delta = y - f
        Mx = X @ M
        v = X.T @ delta
        sv = X.T @ (delta * (X @ wbar))
        B = (X * delta[:, None]).T @ Mx
        M += c * (np.outer(v, wbar) + np.outer(wbar, v) + eps * (B + B.T))
        wbar += c * (v + eps * sv)
    return steps / (time.perf_counter() - t0)

def modular(size, steps):
    p, d, H = size["p"], size["embedSize"], size["hiddenSize"]
    rng = np.random.default_rng(0)
    pairs = np.array([(a, b) for a in range(p) for b in range(a, p)])
    rng.shuffle(pairs)
    n = round(0.4 * len(pairs)); A, B = pairs[:n, 0], pairs[:n, 1]; Y = (A + B) % p
    E = rng.standard_normal((p, d)) * np.sqrt(2 / p); Wh = rng.standard_normal((d, H)) / np.sqrt(d); Wo = rng.standard_normal((H, d)) / np.sqrt(H)
    params = [E, Wh, Wo]; m = [np.zeros_like(q) for q in params]; v = [np.zeros_like(q) for q in params]
    lr, b1, b2, eps, wd = 1e-3, 0.9, 0.98, 1e-8, 1.0
    onehot = np.eye(p)[Y]
    t0 = time.perf_counter()
    for t in range(1, steps + 1):
        EW = E @ Wh; U = Wo @ E.T
        pre = EW[A] + EW[B]; h = np.maximum(pre, 0)
        logits = h @ U
        logits -= logits.max(1, keepdims=True)
        pr = np.exp(logits); pr /= pr.sum(1, keepdims=True)
        dlog = (pr - onehot) / (n * p)
        dU = h.T @ dlog; dpre = (dlog @ U.T) * (pre > 0)
        dEW = np.zeros_like(EW); np.add.at(dEW, A, dpre); np.add.at(dEW, B, dpre)
        dWo = dU @ E; dE = dU.T @ Wo + dEW @ Wh.T; dWh = E.T @ dEW
        for k, (q, g) in enumerate(zip(params, [dE, dWh, dWo])):
            m[k] = b1 * m[k] + (1 - b1) * g; v[k] = b2 * v[k] + (1 - b2) * g * g
            q -= lr * (m[k] / (1 - b1 ** t) / (np.sqrt(v[k] / (1 - b2 ** t)) + eps) + wd * q)
    return steps / (time.perf_counter() - t0)

if __name__ == "__main__":
    model, size, steps = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    fn = {"dln": dln, "diagonal": diagonal, "eos-mlp": eos_mlp, "kumar-grokking": kumar, "modular-addition": modular}[model]
    fn(size, max(1, steps // 10))  # warm-up: first-call costs of numpy and BLAS
    print(json.dumps({"stepsPerSecond": max(fn(size, steps) for _ in range(repeats))}))
