# Saving and loading as d2l's file I/O section does it (5.5): a tensor, a list, a dict of
# tensors, then a model's parameters loaded into a fresh copy of the model.
import os
import tempfile

import torch
from torch import nn
from torch.nn import functional as F

os.chdir(tempfile.mkdtemp())
x = torch.arange(4)
torch.save(x, "x-file")
x2 = torch.load("x-file")
print(x2)
y = torch.zeros(4)
torch.save([x, y], "x-files")
x2, y2 = torch.load("x-files")
print(x2, y2)
mydict = {"x": x, "y": y}
torch.save(mydict, "mydict")
print(torch.load("mydict"))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(F.relu(self.hidden(x)))


torch.manual_seed(0)
net = MLP()
X = torch.randn(size=(2, 20))
Y = net(X)
torch.save(net.state_dict(), "mlp.params")
clone = MLP()
print(clone.load_state_dict(torch.load("mlp.params")))
print(clone.eval())
Y_clone = clone(X)
print(Y_clone == Y)

# What the PyTorch tutorials do: weights_only loading, a whole model, views that share storage.
torch.save(net.state_dict(), "weights.pth")
state = torch.load("weights.pth", weights_only=True)
print(list(state), state["output.bias"].shape, state["hidden.weight"].requires_grad)
torch.save(net, "model.pth")
whole = torch.load("model.pth")
print(type(whole).__name__, torch.equal(whole(X), Y))
try:
    torch.load("model.pth", weights_only=True)
except Exception as e:
    print(type(e).__name__, str(e).split("WeightsUnpickler error: ")[1])
base = torch.arange(6.0).reshape(2, 3)
torch.save({"base": base, "column": base[:, 1]}, "views")
loaded = torch.load("views")
loaded["base"][0, 1] = 100.0
print(loaded["column"], loaded["column"].stride(), loaded["column"].storage_offset())
w = nn.Parameter(torch.ones(2))
torch.save(w, "param")
print(torch.load("param"), torch.load("param", map_location="cpu").requires_grad)
