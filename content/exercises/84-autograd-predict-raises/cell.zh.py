x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()  # exp 为反向传播保存了它的输出 y
loss = y.sum()
loss.backward(retain_graph=True)
print("first backward")
y.mul_(2)
print("in place")
loss.backward()
print("second backward")
