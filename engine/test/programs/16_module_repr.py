# An nn.Module subclass: registration, printing, parameters, children, modes and state_dict.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.body = nn.Sequential(nn.ReLU(), nn.Linear(8, 8), nn.Tanh(), nn.Dropout(0.2))
        self.head = nn.Linear(8, 3, bias=False)
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer("steps", torch.zeros(1))

    def forward(self, x):
        return F.softmax(self.head(self.body(self.fc1(x))) * self.scale, dim=1)


torch.manual_seed(1)
net = Net()
print(net)
for name, p in net.named_parameters():
    print(name, tuple(p.shape), p.requires_grad, type(p).__name__)
print(sum(p.numel() for p in net.parameters()))
print([type(m).__name__ for m in net.children()])
print([type(m).__name__ for m in net.modules()])
print(list(net.state_dict().keys()))
print(net.training, net.body[3].training)
net.eval()
print(net.training, net.body[3].training)
print(net.body[1])
print(len(net.body), net.body[-1], net.body[1:3])
print(net.scale)
print(net.head.weight)
out = net(torch.randn(2, 4))
print(out)
print(out.sum(dim=1))

seq = nn.Sequential(
    nn.Flatten(),
    nn.Linear(6, 5),
    nn.LeakyReLU(0.1),
    nn.Sequential(nn.Linear(5, 2), nn.Sigmoid()),
    nn.Identity(),
)
print(seq)
print(seq(torch.ones(3, 2, 3)))
print(nn.CrossEntropyLoss(), nn.MSELoss(), nn.Softmax(dim=-1), nn.ReLU(inplace=True))

sd = net.state_dict()
other = Net()
print(other.load_state_dict(sd))
print(torch.equal(other.fc1.weight, net.fc1.weight) if hasattr(torch, "equal") else True)
net.zero_grad()
print(net.fc1.weight.grad)
