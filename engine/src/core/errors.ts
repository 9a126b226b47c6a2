// Errors that carry the Python exception type PyTorch would raise, so the Python layer can
// re-raise them as RuntimeError / IndexError / TypeError / ValueError with the same message.

export type PyErrorType =
  | "RuntimeError"
  | "IndexError"
  | "TypeError"
  | "ValueError"
  | "NotImplementedError"
  | "MemoryError"
  | "ZeroDivisionError"
  /** torch.cuda.OutOfMemoryError, a RuntimeError subclass. */
  | "OutOfMemoryError"
  /** torch.linalg.LinAlgError (torch._C._LinAlgError), a RuntimeError subclass. */
  | "LinAlgError";

export class TorchError extends Error {
  readonly pyType: PyErrorType;
  constructor(pyType: PyErrorType, message: string) {
    super(message);
    this.pyType = pyType;
    this.name = pyType;
  }
}

export const runtimeError = (msg: string): TorchError => new TorchError("RuntimeError", msg);
export const indexError = (msg: string): TorchError => new TorchError("IndexError", msg);
export const typeError = (msg: string): TorchError => new TorchError("TypeError", msg);
export const valueError = (msg: string): TorchError => new TorchError("ValueError", msg);
export const linalgError = (msg: string): TorchError => new TorchError("LinAlgError", msg);
export const notImplemented = (msg: string): TorchError =>
  new TorchError("NotImplementedError", msg);
