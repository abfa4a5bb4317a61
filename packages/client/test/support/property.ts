// The seed helper every package's properties share: the seed is printed and `FC_SEED=<seed>` replays a run.
export { propertyParameters } from '@kaiten-audit/types/testing'
