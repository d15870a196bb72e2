import type { Capability, Method, Params, Result } from '../../contract/methods.ts';

/** A method's implementation in the reference driver. Throw a DriverError to answer with an error. */
export type Handler<M extends Method> = (params: Params<M>) => Result<M> | Promise<Result<M>>;

/** The handlers of the methods whose names start with `<capability>.`. */
export type Handlers<C extends Capability> = {
  [M in Method as M extends `${C}.${string}` ? M : never]: Handler<M>;
};
