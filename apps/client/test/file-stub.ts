export default '/assets/test-file.png';
