# expect: pytorch-forgot-super
class Net(nn.Module):
    def __init__(self):
        self.hidden = nn.Linear(4, 16)
        self.act = nn.ReLU()
        self.out = nn.Linear(16, 2)

    def forward(self, x):
        return self.out(self.act(self.hidden(x)))


net = Net()
print(net(torch.rand(8, 4)).shape)
