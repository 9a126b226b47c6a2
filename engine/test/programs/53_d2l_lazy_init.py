# Lazy initialisation as d2l's section 5.3 shows it: LazyLinear layers learn their input size
# from the first batch; until then their parameters are uninitialised.
import warnings

import torch
from torch import nn

warnings.simplefilter("ignore")  # PyTorch warns that lazy modules are a new feature
torch.manual_seed(0)
net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
print(net)
print(net[0].weight)
try:
    net[0].weight.shape
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
X = torch.rand(2, 20)
print(net(X).shape)
print(net)
print(net[0].weight.shape, net[2].weight.shape, type(net[0]).__name__, type(net[0].weight).__name__)
print(net[0].weight[0, :4], net[2].bias[:3])
print([name for name, _ in net.named_parameters()])
no_bias = nn.LazyLinear(3, bias=False)
print(no_bias, no_bias.has_uninitialized_params())
print(no_bias(torch.ones(4, 5)), type(no_bias).__name__, no_bias.weight.shape)
