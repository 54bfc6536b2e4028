export default definePageConfig({
  navigationBarTitleText: '分类关键词',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
