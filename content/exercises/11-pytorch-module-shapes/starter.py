class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # the layers: 4 inputs -> 16 hidden units (ReLU) -> 2 outputs

    def forward(self, x):
        # send x through the layers and return the result
        return x


net = Net()
print(net(torch.rand(8, 4)).shape)
