import torch

torch.manual_seed(0)
x = torch.rand(2, 3)
if torch.cuda.is_available():
    device = torch.device("cuda")
    y = torch.ones_like(x, device=device)
    x = x.to(device)
    z = x + y
    print(z)
    print(z.to("cpu", torch.double))
print(x.device, x.cuda().device, x.cpu().device)
