// The extraction with the learned classifiers, as each platform can afford it. Taro picks the platform
// file at build time (extract-model.weapp.ts on WeChat). Here (H5, tests): the weight file is a chunk of
// its own, fetched on the first extraction (domain/extract/model/load.ts), never with the page.
export { extractComplaintWithModel as extractWithClassifiers } from '../domain/extract/model/load'
