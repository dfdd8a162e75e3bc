const contact = steps['get-contact'].response.body;
done({
  to: config['owner.email'],
  subject: 'New contact in Acme',
  text: contact.name + ' <' + contact.email_address + '> was added.',
});
