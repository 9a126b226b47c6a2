from tl_check import *


def check(ns, run):
    # Recording switched off for good (torch.set_grad_enabled(False)) would also stop training.
    enabled = torch.is_grad_enabled()
    torch.set_grad_enabled(True)
    w = run.given["w"]
    expect(same_object(get(ns, "w"), w) and w.requires_grad, "ag-eval-grad-switched-off")
    expect(enabled, "ag-eval-left-off")
    expect(close(w, [2.0, -1.0]), "changed-input", name="w")
    # setup's training step left d loss / dw = X^T (X w - t) = [1, -2] in w.grad
    expect(w.grad is not None and close(w.grad, [1.0, -2.0]), "ag-eval-backward")
    val_loss = expect_tensor(get(ns, "val_loss"), "val_loss")
    expect(not val_loss.requires_grad, "ag-eval-recorded")
    expect_close(val_loss, 0.5, "val_loss")
