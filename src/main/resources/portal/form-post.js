// OpenID Connect's form_post response mode: the page posts its one form as soon as it loads.
// Without JavaScript, the person presses "Continue".
document.getElementById("form-post").submit();
