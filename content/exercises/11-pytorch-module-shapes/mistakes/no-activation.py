# expect: pytorch-no-activation
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 16)
        self.out = nn.Linear(16, 2)

    def forward(self, x):
        return self.out(self.hidden(x))


net = Net()
print(net(torch.rand(8, 4)).shape)
