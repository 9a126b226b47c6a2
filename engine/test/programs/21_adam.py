# Adam fitting a small quadratic model, and Adam's state after training.
# Losses print 4 decimals: Adam's update now rounds as PyTorch's does (26_optimizer_rounding),
# but linspace, tanh's backward (1 - y*y, fused in PyTorch) and float32 sum order still differ
# from PyTorch by an ulp, and at 6 decimals step 30 prints 0.369914 where PyTorch prints 0.369915.
import torch

torch.manual_seed(3)
x = torch.linspace(-1, 1, 20).unsqueeze(1)
y = 2 * x**2 - x + 0.5

model = torch.nn.Sequential(torch.nn.Linear(1, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = torch.nn.MSELoss()
for step in range(60):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if step % 10 == 9:
        print(step + 1, f"{loss.item():.4f}")

state = opt.state[model[2].bias]
print(sorted(state.keys()))
print(state["step"])
print(state["exp_avg"].shape, state["exp_avg_sq"].shape)
with torch.no_grad():
    print(model(torch.tensor([[0.0], [0.5]])))
print(opt.param_groups[0]["betas"], opt.param_groups[0]["lr"])
