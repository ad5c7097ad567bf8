// Test init script: getUserMedia fails as it does when the person blocked camera and microphone.
navigator.mediaDevices.getUserMedia = () =>
  Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
