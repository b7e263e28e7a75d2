export default defineBackground(() => {
  console.log('North Star Lens background started');
});
