// babel-preset-taro: used by the Taro (webpack5) builds only; jest uses @swc/jest.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
