// The leak detector every package's secret tests share. It is written independently of the client's redactor, so
// a test does not check the redactor against itself.
export { LEAK_PIECE, leakedPieces, reachableStrings } from '@kaiten-audit/types/testing'
