# Sampling as d2l's probability section does it (2.6): tossing a fair die with
# torch.distributions.multinomial, counting, and watching the estimates approach 1/6.
import torch
from torch.distributions import multinomial

torch.manual_seed(0)
fair_probs = torch.ones([6]) / 6
print(multinomial.Multinomial(1, fair_probs).sample())
print(multinomial.Multinomial(10, fair_probs).sample())
counts = multinomial.Multinomial(1000, fair_probs).sample()
print(counts / 1000)
counts = multinomial.Multinomial(10, fair_probs).sample((500,))
cum_counts = counts.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
print(estimates.shape, estimates[0], estimates[-1])
print(repr(estimates[-1].sum().item()), (estimates[-1] - 1 / 6).abs().max() < 0.02)

# The same tosses as category indices, and torch.multinomial directly.
die = torch.distributions.Categorical(fair_probs)
rolls = die.sample((12,))
print(rolls, rolls.dtype, die.probs, die.log_prob(rolls[:3]), die.entropy())
weights = torch.tensor([0.1, 0.1, 0.8])
print(torch.multinomial(weights, 8, replacement=True), torch.multinomial(weights, 2))
draws = torch.multinomial(weights, 1000, replacement=True)
print([(draws == k).sum().item() for k in range(3)])
m = multinomial.Multinomial(4, torch.tensor([[0.5, 0.5], [0.9, 0.1]]))
print(m.sample(), m.mean, m.variance, m.batch_shape, m.event_shape)
