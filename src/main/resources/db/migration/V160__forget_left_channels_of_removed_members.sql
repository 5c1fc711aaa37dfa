-- Records of channels a member left mean nothing once the member is off every roster (their id never
-- comes back); from now on a removal deletes them, and this deletes those kept before.
DELETE FROM slack_left_channels WHERE member_id NOT IN (SELECT id FROM members);
