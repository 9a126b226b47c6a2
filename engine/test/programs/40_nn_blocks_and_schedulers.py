# nn building blocks a first course uses (Flatten, LeakyReLU, Dropout in eval, Softmax, ModuleList,
# state_dict round trip, the losses) and torch.optim.lr_scheduler's common schedules, whose
# learning rates must print as PyTorch's float arithmetic gives them.
import torch
from torch import nn
torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(4, 8), nn.LeakyReLU(0.1), nn.Dropout(0.5), nn.Linear(8, 3), nn.Softmax(dim=1))
print(net)
x = torch.randn(2, 2, 2)
net.eval()
print(net(x))
print([n for n, _ in net.named_parameters()])
blocks = nn.ModuleList([nn.Linear(3, 3) for _ in range(2)])
print(len(blocks), sum(p.numel() for p in blocks.parameters()))
sd = net.state_dict()
net2 = nn.Sequential(nn.Flatten(), nn.Linear(4, 8), nn.LeakyReLU(0.1), nn.Dropout(0.5), nn.Linear(8, 3), nn.Softmax(dim=1))
print(net2.load_state_dict(sd))
print(torch.equal(net2[1].weight, net[1].weight))
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
for epoch in range(5):
    opt.step()
    sched.step()
    print(epoch, opt.param_groups[0]["lr"], sched.get_last_lr())
print(nn.BCEWithLogitsLoss()(torch.tensor([0.5, -1.0]), torch.tensor([1.0, 0.0])))
print(nn.BCELoss()(torch.tensor([0.6, 0.2]), torch.tensor([1.0, 0.0])))
print(nn.L1Loss()(torch.ones(3), torch.zeros(3)), nn.NLLLoss()(torch.log_softmax(torch.randn(2, 3), 1), torch.tensor([0, 2])))
print(nn.Sigmoid()(torch.tensor([0.0])), nn.Tanh()(torch.tensor([0.0])), nn.ReLU()(torch.tensor([-1.0, 1.0])))
from torch.optim import lr_scheduler
for make in (
    lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9),
    lambda o: lr_scheduler.MultiStepLR(o, milestones=[1, 3, 3], gamma=0.5),
    lambda o: lr_scheduler.LambdaLR(o, lambda e: 1 / (e + 1)),
    lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=3, eta_min=0.001),
):
    o = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=0.01)
    s = make(o)
    lrs = []
    for _ in range(7):
        o.step()
        s.step()
        lrs.append(s.get_last_lr()[0])
    print(type(s).__name__, lrs)
