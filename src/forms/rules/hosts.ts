/**
 * The hosts where Meta serves its help forms (https only, see match.ts): www, web, m, mbasic, touch and the
 * locale hosts (`nl-nl`, `fr-fr`, …) of facebook.com; www and help of instagram.com. Not developers.,
 * business. or any other subdomain: script there is not the help centre's and gets nothing from Objector.
 */
export const FACEBOOK_HOSTS = '^(?:www|web|m|mbasic|touch|[a-z]{2}-[a-z]{2})\\.facebook\\.com$';
export const INSTAGRAM_HOSTS = '^(?:www|help)\\.instagram\\.com$';
