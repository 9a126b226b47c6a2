"""torch.optim.Optimizer: param_groups (plain dicts a reader can edit), per-parameter state,
zero_grad and PyTorch's repr. Subclasses written by readers work on these alone; SGD and
Adam hand the arithmetic to the engine's optimizers (_EngineOptimizer below), which see the
groups' current options on every step.
"""

from collections import defaultdict

import _torchlit as engine

from .. import _bridge
from .._bridge import call, to_js, wrap
from .._tensor import Tensor


class _RequiredParameter:
    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


class Optimizer:
    def __init__(self, params, defaults):
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        if isinstance(params, Tensor):
            raise TypeError(
                "params argument given to the optimizer should be an iterable of Tensors or dicts, "
                f"but got {params.type()}"
            )
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for group in param_groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError("param group must be a dict")
        params = param_group["params"]
        if isinstance(params, Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError(
                "optimizer parameters need to be organized in ordered collections, but the ordering "
                "of tensors in sets will change between runs. Please use a list instead."
            )
        else:
            param_group["params"] = list(params)
        for p in param_group["params"]:
            if not isinstance(p, Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + type(p).__name__)
            if not p.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError(
                    f"parameter group didn't specify a value of required optimization parameter {name}"
                )
            param_group.setdefault(name, default)
        seen = {id(p) for g in self.param_groups for p in g["params"]}
        if any(id(p) in seen for p in param_group["params"]):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=False):
        from ..autograd import _zero_grads

        _zero_grads((p for group in self.param_groups for p in group["params"]), set_to_none)

    def step(self, closure=None):
        raise NotImplementedError

    def state_dict(self):
        ids = {}
        groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != "params"}
            packed["params"] = [ids.setdefault(id(p), len(ids)) for p in group["params"]]
            groups.append(packed)
        state = {}
        for group in self.param_groups:
            for p in group["params"]:
                if p in self.state:
                    state[ids[id(p)]] = self.state[p]
        return {"state": state, "param_groups": groups}

    def __getstate__(self):
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += f"\nParameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"


def _option(v):
    """A group option as the engine holds it (integral floats stay floats, tuples are arrays)."""
    if isinstance(v, (tuple, list)):
        return to_js([_bridge.scalar(x) for x in v])
    if isinstance(v, Tensor):
        return v._js
    if v is None:
        return _bridge.jsnull
    return _bridge.scalar(v)


class _EngineOptimizer(Optimizer):
    """An Optimizer whose step() runs the engine's update rule of the same name."""

    _engine_class = None

    def _engine(self):
        js = self.__dict__.get("_js")
        params = [[p._js for p in g["params"]] for g in self.param_groups]
        if js is None or self.__dict__.get("_js_params") != params:
            groups = []
            for g in self.param_groups:
                obj = engine.makeObject()
                obj.params = to_js([p._js for p in g["params"]])
                groups.append(obj)
            js = call(getattr(engine, self._engine_class).new, to_js(groups), self._engine_opts())
            self.__dict__["_js"] = js
            self.__dict__["_js_params"] = params
        # Readers change options between steps (g["lr"] = ...): copy them in before each step.
        for g, jg in zip(self.param_groups, js.param_groups):
            for key, value in g.items():
                if key != "params":
                    setattr(jg, key, _option(value))
        return js

    def _engine_opts(self):
        obj = engine.makeObject()
        obj.lr = _bridge.scalar(self.param_groups[0].get("lr", 0.001))
        return obj

    def step(self, closure=None):
        loss = None
        if closure is not None:
            from ..autograd import enable_grad

            with enable_grad():
                loss = closure()
        call(self._engine().step)
        self._pull_state()
        return loss

    def _pull_state(self):
        js_state = self.__dict__["_js"].state
        for g in self.param_groups:
            for p in g["params"]:
                s = js_state.get(p._js)
                if s is None:
                    continue
                mine = self.state[p]
                for key in s.object_keys():
                    mine[key] = wrap(getattr(s, key))
