# Optimizer updates rounded as PyTorch rounds them: add(other, alpha=) and addcmul_ round once
# (fused multiply-add), addcdiv_ computes (value * t1) / t2. Fixed gradients, float32 bits printed.
import torch


def run(make, steps=30):
    p = torch.nn.Parameter(torch.tensor([((i * 7919) % 101 - 50) / 37.0 for i in range(37)]))
    q = torch.nn.Parameter(torch.tensor([0.3]))
    opt = make([p, q])
    for k in range(steps):
        p.grad = torch.tensor([((i * 31 + k * 17) % 97 - 48) / (13.0 + k) for i in range(37)])
        q.grad = torch.tensor([(k % 5 - 2) / 7.0])
        opt.step()
    print(type(opt).__name__, q.item().hex())
    print(" ".join(v.hex().replace("0000000p", "p") for v in p.tolist()))
    return p


run(lambda ps: torch.optim.Adam(ps, lr=0.05))
run(lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1, amsgrad=True))
run(lambda ps: torch.optim.Adam(ps, lr=0.02, betas=(0.8, 0.99), maximize=True))
run(lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9))
run(lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, weight_decay=0.01, nesterov=True))
run(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.5, dampening=0.3))
p = run(lambda ps: torch.optim.SGD(ps, lr=0.1))
print(p.detach()[:6])
