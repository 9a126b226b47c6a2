class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # 各层：4 个输入 -> 16 个隐藏单元（ReLU）-> 2 个输出

    def forward(self, x):
        # 让 x 依次经过各层，并返回结果
        return x


net = Net()
print(net(torch.rand(8, 4)).shape)
